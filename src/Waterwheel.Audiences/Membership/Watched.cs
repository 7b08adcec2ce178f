using System.Security.Cryptography;
using System.Text;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Membership;

/// <summary>One condition whose members are kept: a saved segment (within its owner's part of the organisation) or a rule tag.</summary>
internal sealed record Watched(Guid Id, WatchKind Kind, Segment Condition, string Json, string OwnerOrgPath)
{
    /// <summary>The stored condition and the scope it applies in: an edit to either changes who matches.</summary>
    public string Hash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind}|{OwnerOrgPath}|{Json}")));
}
