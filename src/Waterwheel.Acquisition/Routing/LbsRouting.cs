namespace Waterwheel.Acquisition.Routing;

/// <summary>What happens when no open store is within the radius of a customer.</summary>
public enum LbsFallback
{
    /// <summary>The code's pool (head office's service staff) takes the customer.</summary>
    ServiceStaff,

    /// <summary>The nearest open store wherever it is takes the customer.</summary>
    NearestBeyond,
}

/// <summary>
/// A nearest-store code (LBS引流): one printed code for every store. The customer's phone says where they are; the
/// nearest open store within <see cref="RadiusKm"/> takes them, one of its guides by the code's policy, each guide
/// under <see cref="GuideDailyCap"/> adds a day through this code. The code's own pool is the fallback's service staff
/// (ADR 16). In group mode (<see cref="Groups"/>) the nearest store with a group live code of its own takes the
/// customer into that group instead of to a guide.
/// </summary>
internal sealed record LbsRouting(double RadiusKm, LbsFallback Fallback, int? GuideDailyCap, bool Groups = false)
{
    public const double MaxRadiusKm = 500;
}
