namespace Waterwheel.Audiences.Contracts;

/// <summary>
/// The tags other modules may offer operators and give to customers: Acquisition tags each customer by the live code
/// they came through. Runs as the current actor; a background caller acts as the tenant's system actor first.
/// </summary>
public interface ICustomerTagging
{
    /// <summary>The acting tenant's tags with their groups, by group then tag name: what a picker offers.</summary>
    Task<IReadOnlyList<TagChoice>> Tags(CancellationToken ct);

    /// <summary>
    /// Gives these tags to the customer who is this WeCom contact, with the cause and a detail for the timeline (the live
    /// code's name, say). Giving a tag the customer holds already changes nothing, so a retried call is harmless.
    /// </summary>
    Task<TaggingOutcome> TagWeComContact(string externalUserId, IReadOnlyList<Guid> tagIds, TaggingCause cause, string detail, CancellationToken ct);
}

/// <summary>A tag as a picker shows it.</summary>
public sealed record TagChoice(Guid Id, string Name, Guid GroupId, string GroupName);

/// <summary>Why another module tags a customer; it is shown on the customer's timeline.</summary>
public enum TaggingCause { Channel, Rule }

public enum TaggingOutcome
{
    Tagged,

    /// <summary>No profile holds the contact yet (the Customers module has not taken the add in): try again shortly.</summary>
    CustomerNotYetKnown,

    /// <summary>None of the tags exists any more (deleted since the caller stored them); nothing was given.</summary>
    NoSuchTags,
}
