namespace PeeringFunctions.Security.Tests;

/// <summary>
/// The in-process local host with its doors locked as in Azure: a portal function key, a Slack signing secret, a
/// Teams security token and chat approver lists (beta: one Slack and one Teams user; alpha: one Slack user).
/// </summary>
public sealed class SecuredHost : PollerOffHostFixture
{
    public const string FunctionKey = "portal-function-key-for-tests";
    public const string SlackSigningSecret = "slack-signing-secret-for-tests";
    public const string BetaSlackApprover = "UBETAAPPROVER";
    public const string AlphaSlackApprover = "UALPHAAPPROVER";
    public const string BetaTeamsApprover = "29:beta-teams-approver";

    /// <summary>Base64, as Teams issues it.</summary>
    public static readonly string TeamsSecurityToken = Convert.ToBase64String("teams-security-token-for-tests!!"u8.ToArray());

    /// <summary>Required by the host and sent by <see cref="LocalHostFixture.Http"/> on every request.</summary>
    public override string? PortalFunctionKey => FunctionKey;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("ChatOps:Slack:SigningSecret", SlackSigningSecret),
        new("ChatOps:Teams:SecurityToken", TeamsSecurityToken),
        new("ChatOps:Approvers:beta", $"slack:{BetaSlackApprover},teams:{BetaTeamsApprover}"),
        new("ChatOps:Approvers:alpha", $"slack:{AlphaSlackApprover}"),
    ];
}
