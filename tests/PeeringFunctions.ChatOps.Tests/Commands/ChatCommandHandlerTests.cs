using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>Commands run through PeeringOperations on a mocked Durable client, for approvers and everyone else.</summary>
public sealed class ChatCommandHandlerTests : IDisposable
{
    private static readonly ChatUser SlackApprover = new(ChatPlatforms.Slack, ChatOpsHost.SlackApprover, "roadrunner");
    private static readonly ChatUser Stranger = new(ChatPlatforms.Slack, "U0STRANGER", "coyote");
    private static readonly ChatUser AlphaApprover = new(ChatPlatforms.Slack, "U0ALPHA01", "alice");

    private readonly ChatOpsHost host = ChatOpsHost.Create();
    private readonly PeeringRequest request = PeeringInstances.AlphaToBeta();
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());

    private ChatCommandHandler Handler => host.Get<ChatCommandHandler>();

    private DurableFake Durable => host.Durable;

    private Task<ChatReply> SayAsync(string text, ChatUser user, string? deliveryId = null) =>
        Handler.HandleTextAsync(Durable.Client, text, user, deliveryId, CancellationToken.None);

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Accept_by_an_allow_listed_user_raises_the_decision_with_source_chat_and_the_user_as_DecidedBy()
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync($"accept {id}", SlackApprover, deliveryId: "398738663015.47445629121");

        var decision = Durable.SingleDecision();
        Assert.Equal(id, Assert.Single(Durable.Raised).InstanceId);
        Assert.True(decision.Accept);
        Assert.Equal(DecisionSources.Chat, decision.Source);
        Assert.Equal("slack:U2CERLKJA", decision.DecidedBy);
        Assert.Equal(PeeringInstances.Pcx, decision.PeeringConnectionId);
        Assert.StartsWith("chat:", decision.DecisionId, StringComparison.Ordinal);
        Assert.DoesNotContain("398738663015", decision.DecisionId, StringComparison.Ordinal);
        Assert.Equal(ChatReplyKind.Done, reply.Kind);
        Assert.StartsWith("Accepted “web-to-db” for beta.", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"Status: {ChatOpsHost.PortalBaseUrl}/api/peerings/{id}", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_by_an_allow_listed_user_raises_a_rejection()
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync($"reject {id}", new ChatUser(ChatPlatforms.WeCom, "chenjiashun"));

        var decision = Durable.SingleDecision();
        Assert.False(decision.Accept);
        Assert.Equal("wecom:chenjiashun", decision.DecidedBy);
        Assert.StartsWith("Rejected “web-to-db” for beta.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_delivery_twice_carries_the_same_decision_id_so_the_workflow_counts_it_once()
    {
        Durable.With(PeeringInstances.Waiting(request));

        await SayAsync($"accept {id}", SlackApprover, deliveryId: "trigger-1");
        await SayAsync($"accept {id}", SlackApprover, deliveryId: "trigger-1");
        await SayAsync($"accept {id}", SlackApprover, deliveryId: "trigger-2");

        var ids = Durable.Raised.Select(r => ((AcceptanceDecision)r.Payload!).DecisionId).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("reject")]
    public async Task A_user_who_is_not_an_approver_is_refused_politely_and_nothing_is_raised(string verb)
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync($"{verb} {id}", Stranger);

        Assert.Empty(Durable.Raised);
        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
        Assert.StartsWith("Sorry, coyote — only approvers of account beta can", reply.Text, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", reply.Text, StringComparison.Ordinal);
        Assert.Contains("(slack:U0STRANGER)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_of_the_initiator_cannot_accept_for_the_receiver()
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync($"accept {id}", AlphaApprover);

        Assert.Empty(Durable.Raised);
        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
    }

    [Fact]
    public async Task The_same_user_id_on_another_platform_is_not_an_approver()
    {
        Durable.With(PeeringInstances.Waiting(request));

        await SayAsync($"accept {id}", new ChatUser(ChatPlatforms.Teams, ChatOpsHost.SlackApprover));

        Assert.Empty(Durable.Raised);
    }

    [Fact]
    public async Task An_external_receiver_decides_in_its_own_console_not_in_chat()
    {
        var external = PeeringInstances.AlphaToExternal();
        Durable.With(PeeringInstances.Waiting(external));

        var reply = await SayAsync($"accept {PeeringInstances.IdOf(external)}", SlackApprover);

        Assert.Empty(Durable.Raised);
        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
        Assert.Contains("own Tencent console", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_a_peering_that_is_not_waiting_raises_nothing_and_says_what_it_is()
    {
        Durable.With(PeeringInstances.Configuring(request));

        var reply = await SayAsync($"accept {id}", SlackApprover);

        Assert.Empty(Durable.Raised);
        Assert.Equal(ChatReplyKind.Conflict, reply.Kind);
        Assert.Contains("it is Configuring", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peering_can_be_named_by_its_pcx_id()
    {
        Durable.With(PeeringInstances.Waiting(request));

        await SayAsync($"accept {PeeringInstances.Pcx}", SlackApprover);

        Assert.Equal(id, Assert.Single(Durable.Raised).InstanceId);
    }

    [Theory]
    [InlineData("accept peering-vpc-nothere1-vpc-nothere2")]
    [InlineData("status pcx-nothere1")]
    [InlineData("teardown peering-vpc-nothere1-vpc-nothere2")]
    public async Task An_unknown_peering_is_not_found_and_nothing_happens(string text)
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync(text, SlackApprover);

        Assert.Equal(ChatReplyKind.NotFound, reply.Kind);
        Assert.Contains("I can't find a peering", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Raised);
        Assert.Empty(Durable.Started);
    }

    [Fact]
    public async Task Teardown_by_an_approver_of_the_receiver_starts_the_teardown_orchestration()
    {
        Durable.With(PeeringInstances.Active(request));

        var reply = await SayAsync($"teardown {id}", SlackApprover);

        var started = Assert.Single(Durable.Started);
        Assert.Equal(nameof(TeardownOrchestrator), started.Orchestrator);
        Assert.Equal($"{id}-teardown", started.InstanceId);
        Assert.Equal(PeeringInstances.Pcx, Assert.IsType<TeardownRequest>(started.Input).PeeringConnectionId);
        Assert.Equal(ChatReplyKind.Done, reply.Kind);
        Assert.StartsWith("Tearing down “web-to-db”", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teardown_records_the_chat_user_as_who_asked_and_the_initiators_approvers_may_ask_too()
    {
        Durable.With(PeeringInstances.Active(request));

        var reply = await SayAsync($"teardown {id}", AlphaApprover);

        var started = Assert.IsType<TeardownRequest>(Assert.Single(Durable.Started).Input);
        Assert.Equal(("slack:U0ALPHA01", "web-to-db"), (started.RequestedBy, started.Name));
        Assert.Contains("for alpha", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_the_peerings_health_in_a_line()
    {
        Durable.With(PeeringInstances.Active(request));
        var checkedAt = new DateTimeOffset(2026, 12, 1, 8, 15, 0, TimeSpan.Zero);
        await host.Get<IPeeringRegistry>().UpsertAsync(new RegisteredPeering(
            id, "web-to-db", RegistryStates.Active, PeeringInstances.Pcx,
            new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", "rtb-alpha001", ["10.2.0.0/16"], [], []),
            new RegisteredSide("beta", null, "ap-shanghai", "vpc-beta0001", "rtb-beta0001", ["10.1.0.0/16"], [], []),
            checkedAt.AddDays(-10),
            Health: new PeeringHealth(HealthStatuses.Drifted, checkedAt,
                [new DriftFinding(DriftKinds.RouteDisabled, FindingSides.Initiator, "10.2.0.0/16", "The route to 10.2.0.0/16 on alpha's side is disabled.", checkedAt)], [])));

        var reply = await SayAsync($"status {id}", Stranger);

        Assert.Contains("Health: Drifted (checked 2026-12-01 08:15 UTC): The route to 10.2.0.0/16 on alpha's side is disabled.\n", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teardown_by_someone_else_is_refused_and_starts_nothing()
    {
        Durable.With(PeeringInstances.Active(request));

        var reply = await SayAsync($"teardown {id}", Stranger);

        Assert.Empty(Durable.Started);
        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
        Assert.Contains("only approvers of account beta can tear down", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teardown_of_a_peering_with_an_external_receiver_is_for_the_initiators_approvers()
    {
        var external = PeeringInstances.AlphaToExternal();
        Durable.With(PeeringInstances.Active(external));

        var refused = await SayAsync($"teardown {PeeringInstances.IdOf(external)}", SlackApprover);
        var done = await SayAsync($"teardown {PeeringInstances.IdOf(external)}", AlphaApprover);

        Assert.Equal(ChatReplyKind.Refused, refused.Kind);
        Assert.Equal(ChatReplyKind.Done, done.Kind);
        Assert.Single(Durable.Started);
    }

    [Fact]
    public async Task Teardown_of_a_peering_that_is_not_active_changes_nothing()
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync($"teardown {id}", SlackApprover);

        Assert.Empty(Durable.Started);
        Assert.Equal(ChatReplyKind.Conflict, reply.Kind);
        Assert.Contains("Only an active peering can be torn down", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_says_where_the_peering_stands_and_links_to_the_portal()
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync($"status {id}", Stranger);

        Assert.Equal(
            $"“web-to-db” ({id}) is waiting for beta to accept (until 2026-12-01 08:00 UTC).\n" +
            $"alpha/ap-guangzhou/vpc-alpha001 → beta/ap-shanghai/vpc-beta0001, {PeeringInstances.Pcx}\n" +
            $"Status: {ChatOpsHost.PortalBaseUrl}/api/peerings/{id}",
            reply.Text);
        Assert.Empty(Durable.Raised);
    }

    [Fact]
    public async Task Status_of_an_active_peering_says_active()
    {
        Durable.With(PeeringInstances.Active(request));

        var reply = await SayAsync($"status {PeeringInstances.Pcx}", Stranger);

        Assert.StartsWith($"“web-to-db” ({id}) is active.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("The peering is active and routed on both sides.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_each_peering_with_its_state()
    {
        var external = PeeringInstances.AlphaToExternal();
        Durable.With(PeeringInstances.Waiting(request)).With(PeeringInstances.Active(external));

        var all = await SayAsync("list", Stranger);
        var waiting = await SayAsync("list waiting", Stranger);

        Assert.StartsWith("2 peerings:\n", all.Text, StringComparison.Ordinal);
        Assert.Contains($"• {id} — web-to-db: WaitingForAcceptance", all.Text, StringComparison.Ordinal);
        Assert.Contains($"• {PeeringInstances.IdOf(external)} — to-partner: Active", all.Text, StringComparison.Ordinal);
        Assert.StartsWith("1 peering in state WaitingForAcceptance:\n", waiting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("to-partner", waiting.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_with_nothing_to_show_says_so()
    {
        var reply = await SayAsync("list failed", Stranger);

        Assert.Equal("No peerings in state Failed right now.", reply.Text);
    }

    [Fact]
    public async Task Help_and_bad_commands_answer_with_the_usage()
    {
        var help = await SayAsync("help", Stranger);
        var bad = await SayAsync("launch", Stranger);

        Assert.Equal(ChatCommandParser.Usage, help.Text);
        Assert.Equal(ChatReplyKind.Invalid, bad.Kind);
        Assert.Contains(ChatCommandParser.Usage, bad.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_request_by_an_approver_of_the_initiator_starts_the_peering_orchestration()
    {
        var reply = await SayAsync(
            "request name=web-to-db from=alpha/ap-guangzhou/vpc-alpha001 to=beta/ap-shanghai/vpc-beta0001 initiator.subnetIds=subnet-aaaa1111 bandwidthMbps=10",
            AlphaApprover);

        var started = Assert.Single(Durable.Started);
        Assert.Equal(nameof(PeeringOrchestrator), started.Orchestrator);
        Assert.Equal(id, started.InstanceId);
        var input = Assert.IsType<PeeringRequest>(started.Input);
        Assert.Equal("web-to-db", input.Name);
        Assert.Equal("alpha", input.Initiator.Account);
        Assert.Equal(["subnet-aaaa1111"], input.Initiator.Subnets);
        Assert.Equal("beta", input.Receiver.Account);
        Assert.Equal(ChatReplyKind.Done, reply.Kind);
        Assert.Equal(id, reply.InstanceId);
        Assert.Contains("approvers of beta will be asked to accept", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"Status: {ChatOpsHost.PortalBaseUrl}/api/peerings/{id}", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_a_pair_that_is_already_running_starts_nothing_new()
    {
        Durable.With(PeeringInstances.Waiting(request));

        var reply = await SayAsync("request name=again from=alpha/ap-guangzhou/vpc-alpha001 to=beta/ap-shanghai/vpc-beta0001 bandwidthMbps=10", AlphaApprover);

        Assert.Empty(Durable.Started);
        Assert.Equal(ChatReplyKind.Conflict, reply.Kind);
        Assert.Contains($"already have a peering in progress: {id} (WaitingForAcceptance)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_missing_and_invalid_fields_lists_the_validators_fields_and_rules()
    {
        var reply = await SayAsync("request from=alpha/ap-guangzhou/vpc-ALPHA to=delta/ap-shanghai/vpc-beta0001 bandwidthMbps=9000", AlphaApprover);

        Assert.Empty(Durable.Started);
        Assert.Equal(ChatReplyKind.Invalid, reply.Kind);
        Assert.StartsWith("That request can't be started; nothing was changed:\n", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• name: is required", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• initiator.vpcId: must look like vpc-xxxxxxxx (8 lower-case letters or digits)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• receiver.account: 'delta' is not a configured account", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• bandwidthMbps: must be between 1 and 5000", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_across_regions_without_a_bandwidth_cap_is_asked_for_one_and_starts_nothing()
    {
        var reply = await SayAsync("request name=web-to-db from=alpha/ap-guangzhou/vpc-alpha001 to=beta/ap-shanghai/vpc-beta0001", AlphaApprover);

        Assert.Empty(Durable.Started);
        Assert.Equal(ChatReplyKind.Invalid, reply.Kind);
        Assert.Contains("• bandwidthMbps: is required for a peering across regions (ap-guangzhou to ap-shanghai)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_request_fields_and_validator_rules_are_listed_together()
    {
        var reply = await SayAsync("request name=x colour=blue from=alpha/ap-guangzhou/vpc-alpha001", AlphaApprover);

        Assert.Contains("• colour: is not a field of a peering request", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• receiver: is required", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Started);
    }

    [Fact]
    public async Task A_valid_request_by_someone_who_is_not_an_approver_of_the_initiator_is_refused()
    {
        var reply = await SayAsync("request name=web-to-db from=alpha/ap-guangzhou/vpc-alpha001 to=beta/ap-shanghai/vpc-beta0001 bandwidthMbps=10", SlackApprover);

        Assert.Empty(Durable.Started);
        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
        Assert.Contains("only approvers of account alpha can request peerings from", reply.Text, StringComparison.Ordinal);
        Assert.Contains("nothing was started", reply.Text, StringComparison.Ordinal);
    }
}
