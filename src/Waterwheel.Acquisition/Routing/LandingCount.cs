namespace Waterwheel.Acquisition.Routing;

/// <summary>What the landing page of a nearest-store code saw on one day in the tenant's time zone.</summary>
internal sealed class LandingCount
{
    public Guid TenantId { get; init; }
    public Guid CodeId { get; init; }
    public DateOnly Day { get; init; }

    /// <summary>The page was opened.</summary>
    public int Views { get; set; }

    /// <summary>The customer let the page know where they are.</summary>
    public int Grants { get; set; }

    /// <summary>The customer refused (or the phone could not tell); the city picker took over.</summary>
    public int Denials { get; set; }

    /// <summary>A guide's QR was shown.</summary>
    public int Routed { get; set; }

    /// <summary>No open store was in range: the fallback took the customer.</summary>
    public int Fallbacks { get; set; }
}

public enum LandingEvent { View, Grant, Denial, Routed, Fallback }
