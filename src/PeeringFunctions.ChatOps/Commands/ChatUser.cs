namespace PeeringFunctions.ChatOps.Commands;

public static class ChatPlatforms
{
    public const string Slack = "slack";
    public const string WeCom = "wecom";
    public const string Teams = "teams";
}

/// <summary>Who typed or clicked, as the platform's signed request names them.</summary>
/// <param name="Id">The platform's stable id (Slack user id, WeCom UserID, Teams from.id).</param>
/// <param name="DisplayName">For replies only; never used to authorize.</param>
/// <param name="OtherIds">Further stable ids the allow-list may use (the Teams AAD object id).</param>
public sealed record ChatUser(string Platform, string Id, string? DisplayName = null, IReadOnlyList<string>? OtherIds = null)
{
    /// <summary>"slack:U2CERLKJA": how decisions record who made them.</summary>
    public string Key => $"{Platform}:{Id}";

    public IEnumerable<string> Identities => OtherIds is null ? [Id] : OtherIds.Prepend(Id);
}
