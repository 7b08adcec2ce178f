namespace Waterwheel.WeCom.Client;

/// <summary>The envelope of every answer: errcode 0 is success, and error bodies still carry empty success fields.</summary>
public class WeComResponse
{
    public int Errcode { get; init; }
    public string? Errmsg { get; init; }
}
