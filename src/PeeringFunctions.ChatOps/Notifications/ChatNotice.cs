namespace PeeringFunctions.ChatOps.Notifications;

/// <summary>One notification, before it is drawn for a platform. Plain text; identifiers and links only.</summary>
/// <param name="DecisionButtons">Draw Accept/Reject buttons (Slack) for <paramref name="InstanceId"/>.</param>
/// <param name="AcceptUrl">The HTTP accept endpoint (POST with the approver key), shown where a decision is asked for.</param>
public sealed record ChatNotice(
    string Title,
    IReadOnlyList<string> Lines,
    string StatusUrl,
    string? InstanceId = null,
    string? AcceptUrl = null,
    bool DecisionButtons = false,
    IReadOnlyList<KeyValuePair<string, string>>? Facts = null);
