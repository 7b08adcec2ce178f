namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// Another module's say in the welcome of a new contact. When the WeCom module handles add_external_contact with a
/// welcome_code and a state, it asks each registered source in turn; the first content wins, and with none it falls
/// back to the connection's welcome text. WeCom still sends it, once, within the code's 20 seconds: a source only
/// chooses the words, so it must answer quickly and must not send anything itself. Acquisition answers for its live codes.
/// </summary>
public interface IAddWelcomes
{
    /// <summary>The welcome for this add, or null when the state is not one of the source's.</summary>
    Task<WelcomeContent?> WelcomeFor(AddWelcomeRequest request, CancellationToken ct);
}

/// <summary>The add a welcome is for: the way's state, the member the customer added, and the customer's WeChat name.</summary>
public sealed record AddWelcomeRequest(Guid TenantId, string State, string StaffUserId, string ExternalUserId, string? CustomerName);
