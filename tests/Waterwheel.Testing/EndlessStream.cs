namespace Waterwheel.Testing;

/// <summary>A body that streams up to <paramref name="length"/> bytes of XML-ish filler and counts how much was taken.</summary>
public sealed class EndlessStream(long length) : Stream
{
    private long _produced;

    public long Produced => Interlocked.Read(ref _produced);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - Produced);
        buffer.AsSpan(offset, n).Fill((byte)'<');
        Interlocked.Add(ref _produced, n);
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
