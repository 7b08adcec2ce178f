namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>A file received in a multipart upload: its name, its size and enough leading bytes to tell its format.</summary>
internal sealed record SimUpload(string FileName, long Length, byte[] Head)
{
    public const int HeadLength = 16;
}
