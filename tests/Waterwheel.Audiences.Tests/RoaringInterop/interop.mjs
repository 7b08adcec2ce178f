// The other side of the portable-format test: roaring-wasm (CRoaring built to WebAssembly, its own copy of the code).
//   node interop.mjs read <bitmap.portable> <values.u32>   reads a bitmap the engine wrote, writes its values
//   node interop.mjs write <values.u32> <bitmap.portable>  builds a bitmap from values, writes it in the portable format
import { readFileSync, writeFileSync } from "node:fs";
import { RoaringBitmap32, roaringLibraryInitialize } from "roaring-wasm";

await roaringLibraryInitialize();
const [command, input, output] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(input));
if (command === "read") {
  const bitmap = RoaringBitmap32.deserialize("portable", bytes);
  const values = bitmap.toUint32Array();
  writeFileSync(output, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  console.log(`read ${bitmap.size} values`);
  bitmap.dispose();
} else if (command === "write") {
  const values = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const bitmap = RoaringBitmap32.from(values);
  bitmap.optimize();
  writeFileSync(output, bitmap.serialize("portable"));
  console.log(`wrote ${bitmap.size} values`);
  bitmap.dispose();
} else {
  console.error(`unknown command ${command}`);
  process.exit(2);
}
