using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>"repair &lt;id&gt;" and "extend-routes &lt;id&gt;": what a drift notice in chat asks for, answered in chat by either side's approvers.</summary>
public sealed class ChatRepairCommandTests : IDisposable
{
    private static readonly ChatUser BetaApprover = new(ChatPlatforms.Slack, ChatOpsHost.SlackApprover, "roadrunner");
    private static readonly ChatUser AlphaApprover = new(ChatPlatforms.Slack, "U0ALPHA01", "wile");
    private static readonly ChatUser Stranger = new(ChatPlatforms.Teams, "29:stranger", "coyote");
    private static readonly DateTimeOffset FoundAt = new(2026, 12, 1, 8, 15, 0, TimeSpan.Zero);

    private readonly ChatOpsHost host = ChatOpsHost.Create();
    private readonly PeeringRequest request = PeeringInstances.AlphaToBeta();
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());

    private Task<ChatReply> SayAsync(string text, ChatUser user) =>
        host.Get<ChatCommandHandler>().HandleTextAsync(host.Durable.Client, text, user, null, CancellationToken.None);

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("repair {0}", ChatVerb.Repair)]
    [InlineData("fix {0}", ChatVerb.Repair)]
    [InlineData("修复 {0}", ChatVerb.Repair)]
    [InlineData("extend-routes {0}", ChatVerb.ExtendRoutes)]
    [InlineData("/peering extend {0}", ChatVerb.ExtendRoutes)]
    public void Repair_and_extend_routes_take_one_peering_id(string text, ChatVerb verb)
    {
        var parsed = ChatCommandParser.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, id));

        Assert.Equal((verb, id), (parsed.Command?.Verb, parsed.Command?.Target));
        Assert.Contains("repair <id>", ChatCommandParser.Usage, StringComparison.Ordinal);
        Assert.Contains("extend-routes <id>", ChatCommandParser.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_routes_without_an_id_says_how_to_write_it()
    {
        var parsed = ChatCommandParser.Parse("extend-routes");

        Assert.Null(parsed.Command);
        Assert.Equal("Which peering? Write: extend-routes <id> — the id from list (peering-vpc-…-vpc-…) or its pcx-… id.", parsed.Error);
    }

    [Theory]
    [MemberData(nameof(Approvers))]
    public async Task An_approver_of_either_side_starts_the_repair_of_what_the_watcher_found_and_is_named_as_who_asked(ChatUser approver, string account)
    {
        host.Durable.With(PeeringInstances.Active(request));
        await RegisterDriftedAsync(new DriftFinding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16", "the route is missing", FoundAt));

        var reply = await SayAsync($"repair {id}", approver);

        Assert.Equal(ChatReplyKind.Done, reply.Kind);
        Assert.StartsWith($"Repairing “{request.Name}” for {account} (repair-{id})", reply.Text, StringComparison.Ordinal);
        var started = Assert.Single(host.Durable.Started);
        Assert.Equal((nameof(RepairOrchestrator), $"repair-{id}"), (started.Orchestrator, started.InstanceId));
        var repair = Assert.IsType<RepairRequest>(started.Input);
        Assert.Equal((RepairKinds.Repair, approver.Key), (repair.Kind, repair.RequestedBy));
    }

    public static TheoryData<ChatUser, string> Approvers() => new() { { BetaApprover, "beta" }, { AlphaApprover, "alpha" } };

    [Fact]
    public async Task Extend_routes_starts_a_repair_of_that_kind()
    {
        host.Durable.With(PeeringInstances.Active(request));
        await RegisterDriftedAsync(new DriftFinding(DriftKinds.CidrAdded, FindingSides.Receiver, "10.20.0.0/16", "beta's VPC gained 10.20.0.0/16", FoundAt));

        var reply = await SayAsync($"extend-routes {id}", BetaApprover);

        Assert.Equal(ChatReplyKind.Done, reply.Kind);
        Assert.Equal(RepairKinds.ExtendRoutes, Assert.IsType<RepairRequest>(Assert.Single(host.Durable.Started).Input).Kind);
    }

    [Fact]
    public async Task Someone_who_approves_for_neither_side_is_refused_and_nothing_starts()
    {
        host.Durable.With(PeeringInstances.Active(request));
        await RegisterDriftedAsync(new DriftFinding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16", "the route is missing", FoundAt));

        var reply = await SayAsync($"repair {id}", Stranger);

        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
        Assert.Contains($"can repair “{request.Name}”", reply.Text, StringComparison.Ordinal);
        Assert.Empty(host.Durable.Started);
        Assert.Equal(RegistryStates.Drifted, (await host.Get<IPeeringRegistry>().GetAsync(id))!.State);
    }

    [Fact]
    public async Task A_healthy_peering_has_nothing_to_repair_and_the_reply_says_so()
    {
        host.Durable.With(PeeringInstances.Active(request));
        await RegisterDriftedAsync();

        var reply = await SayAsync($"repair {id}", BetaApprover);

        Assert.Equal(ChatReplyKind.Conflict, reply.Kind);
        Assert.StartsWith($"{id} has nothing to repair", reply.Text, StringComparison.Ordinal);
        Assert.Empty(host.Durable.Started);
    }

    [Fact]
    public async Task An_unknown_peering_is_not_found()
    {
        var reply = await SayAsync($"repair {id}", BetaApprover);

        Assert.Equal(ChatReplyKind.NotFound, reply.Kind);
        Assert.Empty(host.Durable.Started);
    }

    private async Task RegisterDriftedAsync(params DriftFinding[] findings)
    {
        var record = new RegisteredPeering(
            id, request.Name, findings.Length == 0 ? RegistryStates.Active : RegistryStates.Drifted, PeeringInstances.Pcx,
            new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", "rtb-alphapcx", ["172.16.0.0/16"], ["rti-00000001"],
                [new RegisteredAssociation("subnet-alphaweb", "rtb-alphamai", "rtb-alphapcx")]),
            new RegisteredSide("beta", null, "ap-shanghai", "vpc-beta0001", "rtb-betapcx1", ["10.10.0.0/16"], ["rti-00000002"],
                [new RegisteredAssociation("subnet-betaapp1", "rtb-betamain", "rtb-betapcx1")]),
            PeeringInstances.Created,
            RepairPolicy: RepairPolicies.Notify,
            Health: new PeeringHealth(findings.Length == 0 ? HealthStatuses.Healthy : HealthStatuses.Drifted, FoundAt, findings, []));
        await host.Get<IPeeringRegistry>().UpsertAsync(record);
    }
}
