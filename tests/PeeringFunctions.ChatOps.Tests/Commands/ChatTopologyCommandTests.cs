using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>topology status, and one accept or reject per receiving account for all its pairs.</summary>
public sealed class ChatTopologyCommandTests : IDisposable
{
    private static readonly ChatUser BetaApprover = new(ChatPlatforms.Slack, ChatOpsHost.SlackApprover, "roadrunner");
    private static readonly ChatUser Stranger = new(ChatPlatforms.Slack, "U0STRANGER", "coyote");

    private readonly ChatOpsHost host = ChatOpsHost.Create();

    private DurableFake Durable => host.Durable;

    private Task<ChatReply> SayAsync(string text, ChatUser user, string? deliveryId = null) =>
        host.Get<ChatCommandHandler>().HandleTextAsync(Durable.Client, text, user, deliveryId, CancellationToken.None);

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("topology status topology-star", ChatVerb.TopologyStatus, null)]
    [InlineData("/peering topology accept topology-star", ChatVerb.TopologyAccept, null)]
    [InlineData("topology approve TOPOLOGY-STAR beta", ChatVerb.TopologyAccept, "beta")]
    [InlineData("topology reject topology-star", ChatVerb.TopologyReject, null)]
    public void Topology_commands_are_read_with_their_id_and_optional_account(string text, ChatVerb verb, string? account)
    {
        var command = ChatCommandParser.Parse(text).Command!;

        Assert.Equal((verb, "topology-star", account), (command.Verb, command.Target, command.Account));
    }

    [Theory]
    [InlineData("topology topology-star")]
    [InlineData("topology frob topology-star")]
    [InlineData("topology status peering-vpc-alpha001-vpc-beta0001")]
    [InlineData("topology status topology-star extra")]
    public void A_malformed_topology_command_says_how_to_write_it(string text)
    {
        var parsed = ChatCommandParser.Parse(text);

        Assert.Null(parsed.Command);
        Assert.Contains("topology status <id>", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_of_a_receiving_account_accepts_all_its_pairs_with_one_command()
    {
        Durable.With(TopologyInstances.Waiting());

        var reply = await SayAsync("topology accept topology-star", BetaApprover, deliveryId: "1234.5678");

        var raised = Assert.Single(Durable.Raised);
        Assert.Equal((TopologyInstances.Id, TopologyEventNames.Decision), (raised.InstanceId, raised.EventName));
        var decision = Assert.IsType<TopologyDecision>(raised.Payload);
        Assert.Equal(("beta", true, DecisionSources.Chat, "slack:U2CERLKJA"), (decision.Account, decision.Accept, decision.Source, decision.DecidedBy));
        Assert.StartsWith("chat:beta:", decision.DecisionId, StringComparison.Ordinal);
        Assert.Equal(ChatReplyKind.Done, reply.Kind);
        Assert.StartsWith("Accepted topology-star for beta", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"Status: {ChatOpsHost.PortalBaseUrl}/api/topologies/topology-star", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_approves_no_receiving_account_is_refused_and_nothing_is_raised()
    {
        Durable.With(TopologyInstances.Waiting());

        var reply = await SayAsync("topology reject topology-star", Stranger);

        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
        Assert.Contains("only approvers of account beta or gamma", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Raised);
    }

    [Fact]
    public async Task An_account_that_decided_already_is_told_so_and_nothing_is_raised()
    {
        Durable.With(TopologyInstances.Waiting(("beta", ConsentStates.Rejected)));

        var reply = await SayAsync("topology accept topology-star", BetaApprover);

        Assert.Equal(ChatReplyKind.Conflict, reply.Kind);
        Assert.StartsWith("beta has decided on topology-star already: Rejected", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Raised);
    }

    [Fact]
    public async Task Status_says_how_the_topology_ended_each_accounts_consent_and_the_pairs_that_are_not_active()
    {
        Durable.With(TopologyInstances.Partial());

        var reply = await SayAsync("topology status topology-star", Stranger);

        Assert.Equal(ChatReplyKind.Info, reply.Kind);
        Assert.Equal(
            "Topology “star” (topology-star, hub-and-spoke) is Partial: 1 of 2 peerings active.\n" +
            "Consent: beta Accepted, gamma Rejected\n" +
            "• vpc-alpha001 ↔ vpc-gamma001: NotConsented — gamma rejected the topology; nothing was created for this pair.\n" +
            $"Status: {ChatOpsHost.PortalBaseUrl}/api/topologies/topology-star",
            reply.Text);
    }

    [Fact]
    public async Task An_unknown_topology_is_not_found()
    {
        var reply = await SayAsync("topology status topology-nope", BetaApprover);

        Assert.Equal(ChatReplyKind.NotFound, reply.Kind);
        Assert.Empty(Durable.Raised);
    }
}
