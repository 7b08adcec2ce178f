namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// The WeCom module's door for other modules: what they may ask of WeCom without knowing its client or tables.
/// Callers name the tenant, because they run outside a signed-in request (integration events, jobs). Together with
/// the integration events beside it, this is all another module needs of WeCom.
/// </summary>
public interface IWeComDirectory
{
    /// <summary>
    /// Sends the welcome message for a new contact with the welcome_code of its add event (it lives 20 s and works
    /// once). The outcome says whether it went, was already delivered, came too late, or why not.
    /// </summary>
    Task<WelcomeOutcome> SendWelcome(Guid tenantId, string welcomeCode, WelcomeContent content, CancellationToken ct);

    /// <summary>A customer as WeCom describes them, with the staff who currently follow them; null when never seen.</summary>
    Task<ContactProfile?> Contact(Guid tenantId, string externalUserId, CancellationToken ct);

    /// <summary>The WeCom member linked to a platform staff member, or null when the staff record names none.</summary>
    Task<LinkedWeComStaff?> StaffMember(Guid tenantId, Guid staffId, CancellationToken ct);

    /// <summary>The WeCom members linked to the active staff of a store.</summary>
    Task<IReadOnlyList<LinkedWeComStaff>> StoreStaff(Guid tenantId, Guid storeId, CancellationToken ct);
}
