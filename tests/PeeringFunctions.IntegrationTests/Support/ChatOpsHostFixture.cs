using PeeringFunctions.Testing.Hosting;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// A local host with Slack chat-ops configured: a signing secret, and one approver of the receiver account beta.
/// The reply budget is long so every command is answered inline and no response_url is ever called.
/// </summary>
public sealed class ChatOpsHostFixture : LocalHostFixture
{
    public const string SlackSigningSecret = "integration-test-slack-signing-secret";
    public const string BetaApprover = "UBETAAPPROVER";
    public const string Bystander = "UBYSTANDER01";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ChatOps:Slack:SigningSecret", SlackSigningSecret),
        new("ChatOps:Slack:ReplyBudget", "00:00:20"),
        new("ChatOps:Approvers:beta:0", $"slack:{BetaApprover}"),
    ];
}
