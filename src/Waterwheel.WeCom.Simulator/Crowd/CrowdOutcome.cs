namespace Waterwheel.WeCom.Simulator.Crowd;

/// <summary>What one crowd action did: the event it raised and, if the corp has a callback URL, how the push went.</summary>
public sealed record CrowdOutcome(string Action, string EventXml, string Userid, string ExternalUserid, string? WelcomeCode, DeliveryReport? Delivery);
