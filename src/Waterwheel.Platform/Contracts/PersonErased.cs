using Waterwheel.Platform.Messaging;

namespace Waterwheel.Platform.Contracts;

/// <summary>An identifier of an erased person, by kind ("wecom_external_userid", "unionid", …) and value.</summary>
public sealed record ErasedIdentifier(string Kind, string Value);

/// <summary>
/// A person asked to be forgotten (PIPL art. 47) and the customer module erased them: every module that holds personal
/// data under one of these identifiers removes it, keeping only what counts anonymously. A contract of the Platform,
/// not of one module, because every module that holds people must hear it.
/// </summary>
public sealed record PersonErased(Guid TenantId, Guid ProfileId, IReadOnlyList<ErasedIdentifier> Identifiers, DateTime ErasedAt) : IIntegrationEvent
{
    public static string EventName => "customers.person-erased";
    public string? Partition => ProfileId.ToString("N");

    public const string WeComExternalUserId = "wecom_external_userid";
}
