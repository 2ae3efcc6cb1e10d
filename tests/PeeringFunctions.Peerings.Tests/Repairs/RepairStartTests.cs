using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using PeeringFunctions.Peerings.Repairs;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Peerings.Tests.Repairs;

/// <summary>What the repair use case starts, refuses (writing nothing) and puts into the repair's request.</summary>
public sealed class RepairStartTests
{
    private const string Id = "peering-vpc-alpha001-vpc-beta0001";
    private const string Pcx = "pcx-ab12cd34";
    private static readonly DateTimeOffset FoundAt = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly DurableFake durable = new();
    private readonly InMemoryPeeringRegistry registry = new();

    private PeeringRepairs Repairs => new(registry, TimeProvider.System, NullLogger<PeeringRepairs>.Instance);

    [Fact]
    public async Task A_drifted_peering_is_marked_repairing_and_its_repair_started_with_each_sides_work()
    {
        var record = await RegisterAsync(RegistryStates.Drifted,
            Finding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16"),
            Finding(DriftKinds.RouteDisabled, FindingSides.Initiator, "172.16.0.0/16"),
            Finding(DriftKinds.SubnetMoved, FindingSides.Initiator, "subnet-alphaweb"));

        var result = await Repairs.StartAsync(durable.Client, record, CancellationToken.None);

        Assert.Equal(($"repair-{Id}", (string?)null), (result.RepairId, result.Refusal));
        var started = Assert.Single(durable.Started);
        Assert.Equal((nameof(RepairOrchestrator), $"repair-{Id}"), (started.Orchestrator, started.InstanceId));
        var request = Assert.IsType<RepairRequest>(started.Input);
        Assert.Equal((RepairKinds.Repair, Pcx, PeeringRepairs.Watcher), (request.Kind, request.PeeringConnectionId, request.RequestedBy));
        var initiator = Assert.Single(request.Sides, s => s.Side == FindingSides.Initiator);
        Assert.Equal(["172.16.0.0/16"], initiator.RoutesToEnable);
        Assert.Equal([new SubnetMove("subnet-alphaweb", "rtb-alphapcx")], initiator.SubnetMoves);
        Assert.Equal(["10.10.0.0/16"], Assert.Single(request.Sides, s => s.Side == FindingSides.Receiver).RoutesToCreate);
        Assert.Equal(RegistryStates.Repairing, (await registry.GetAsync(Id))!.State);
    }

    [Fact]
    public async Task A_route_pointed_elsewhere_is_never_repaired_so_alone_it_leaves_nothing_to_do_and_nothing_is_written()
    {
        var record = await RegisterAsync(RegistryStates.Drifted, Finding(DriftKinds.RouteRedirected, FindingSides.Receiver, "10.10.0.0/16"));

        var result = await Repairs.StartAsync(durable.Client, record, CancellationToken.None);

        Assert.Null(result.RepairId);
        Assert.Equal($"{Id} has nothing to repair: a route pointed elsewhere is reported, never overridden.", result.Refusal);
        Assert.Empty(durable.Started);
        Assert.Equal(record, await registry.GetAsync(Id));
    }

    [Fact]
    public async Task A_redirected_route_goes_with_a_repair_as_reported_only()
    {
        var redirected = Finding(DriftKinds.RouteRedirected, FindingSides.Receiver, "10.10.0.0/16");
        var record = await RegisterAsync(RegistryStates.Drifted, redirected, Finding(DriftKinds.RouteMissing, FindingSides.Initiator, "172.16.0.0/16"));

        await Repairs.StartAsync(durable.Client, record, CancellationToken.None);

        var request = Assert.IsType<RepairRequest>(Assert.Single(durable.Started).Input);
        Assert.Equal([redirected], request.Reported);
        Assert.DoesNotContain(redirected, request.Fixes);
        Assert.Empty(Assert.Single(request.Sides).RoutesToEnable);
    }

    [Fact]
    public async Task Under_policy_notify_the_watcher_starts_no_repair_but_a_person_may()
    {
        var record = await RegisterAsync(RegistryStates.Drifted, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16"), policy: RepairPolicies.Notify);

        var watcher = await Repairs.StartAsync(durable.Client, record, CancellationToken.None);
        Assert.Equal($"{Id}'s repair policy is \"notify\": its drift is reported, not repaired.", watcher.Refusal);
        Assert.Empty(durable.Started);

        var person = await Repairs.RepairNowAsync(durable.Client, Id, CancellationToken.None);
        Assert.Equal($"repair-{Id}", person!.RepairId);
        Assert.Equal("portal", Assert.IsType<RepairRequest>(Assert.Single(durable.Started).Input).RequestedBy);
    }

    [Fact]
    public async Task A_peering_the_peer_deleted_is_cleaned_up_whatever_the_policy_removing_every_route_and_restoring_the_subnets()
    {
        var record = await RegisterAsync(RegistryStates.Drifted, Finding(DriftKinds.PeeringGone, FindingSides.Peering, Pcx), policy: RepairPolicies.Notify);

        await Repairs.StartAsync(durable.Client, record, CancellationToken.None);

        var request = Assert.IsType<RepairRequest>(Assert.Single(durable.Started).Input);
        Assert.Equal(RepairKinds.PeerDeletedCleanup, request.Kind);
        Assert.All(request.Sides, s => Assert.True(s.RemoveAllRoutes));
        Assert.Equal(
            [new SubnetMove("subnet-alphaweb", "rtb-alphamai", "rtb-alphapcx"), new SubnetMove("subnet-betaapp1", "rtb-betamain", "rtb-betapcx1")],
            request.Sides.SelectMany(s => s.SubnetMoves));
    }

    [Fact]
    public async Task Extend_routes_puts_the_peers_new_cidr_on_the_other_sides_table_and_repair_leaves_it_to_extend_routes()
    {
        await RegisterAsync(RegistryStates.Drifted, Finding(DriftKinds.CidrAdded, FindingSides.Initiator, "10.11.0.0/16"));

        var repair = await Repairs.RepairNowAsync(durable.Client, Id, CancellationToken.None);
        Assert.Equal($"{Id} has nothing to repair; the peer VPC's new CIDR is added with POST /api/peerings/{Id}/extend-routes.", repair!.Refusal);

        var extend = await Repairs.ExtendRoutesAsync(durable.Client, Id, CancellationToken.None);
        Assert.NotNull(extend!.RepairId);
        var request = Assert.IsType<RepairRequest>(Assert.Single(durable.Started).Input);
        Assert.Equal(RepairKinds.ExtendRoutes, request.Kind);
        var side = Assert.Single(request.Sides);
        Assert.Equal((FindingSides.Receiver, "rtb-betapcx1"), (side.Side, side.RouteTableId));
        Assert.Equal(["10.11.0.0/16"], side.RoutesToCreate);
    }

    [Theory]
    [InlineData(RegistryStates.TearingDown)]
    [InlineData(RegistryStates.TornDown)]
    [InlineData(RegistryStates.PeerDeleted)]
    [InlineData(RegistryStates.Failed)]
    public async Task A_peering_no_longer_in_place_is_not_repaired(string state)
    {
        var record = await RegisterAsync(state, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16"));

        var result = await Repairs.StartAsync(durable.Client, record, CancellationToken.None);

        Assert.Equal($"{Id} is {state}: only a peering in place (Active or Drifted) is repaired.", result.Refusal);
        Assert.Empty(durable.Started);
        Assert.Equal(state, (await registry.GetAsync(Id))!.State);
    }

    [Fact]
    public async Task A_repair_while_a_teardown_runs_is_refused_and_changes_nothing()
    {
        var record = await RegisterAsync(RegistryStates.Drifted, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16"));
        durable.Add(PeeringInstances.Teardown(Id, PeeringInstances.AlphaToBeta(), Pcx));

        var result = await Repairs.StartAsync(durable.Client, record, CancellationToken.None);

        Assert.Equal($"A teardown of {Id} is running; a repair now would race it. Nothing was changed.", result.Refusal);
        Assert.Empty(durable.Started);
        Assert.Equal(RegistryStates.Drifted, (await registry.GetAsync(Id))!.State);
    }

    [Fact]
    public async Task A_second_repair_while_one_runs_is_refused_and_a_teardown_then_too()
    {
        var record = await RegisterAsync(RegistryStates.Drifted, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16"));
        durable.Add(new OrchestrationMetadata(nameof(RepairOrchestrator), $"repair-{Id}") { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var second = await Repairs.StartAsync(durable.Client, record, CancellationToken.None);
        var teardown = await new PeeringOperations(registry, NullLogger<PeeringOperations>.Instance)
            .TeardownRegisteredAsync(durable.Client, record with { State = RegistryStates.Active }, CancellationToken.None);

        Assert.Equal($"A repair of {Id} is already running (repair-{Id}); wait until it ends.", second.Refusal);
        Assert.Equal((null, RegistryStates.Repairing), (teardown.TeardownId, teardown.State));
        Assert.Empty(durable.Started);
    }

    [Fact]
    public async Task A_peering_left_repairing_by_a_repair_that_stopped_can_still_be_torn_down()
    {
        var record = await RegisterAsync(RegistryStates.Repairing, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16"));
        durable.Add(new OrchestrationMetadata(nameof(RepairOrchestrator), $"repair-{Id}") { RuntimeStatus = OrchestrationRuntimeStatus.Failed });

        var teardown = await new PeeringOperations(registry, NullLogger<PeeringOperations>.Instance)
            .TeardownRegisteredAsync(durable.Client, record, CancellationToken.None);

        Assert.Equal(PeeringInstanceIds.TeardownOf(Id), teardown.TeardownId);
        Assert.Equal(nameof(TeardownOrchestrator), Assert.Single(durable.Started).Orchestrator);
    }

    [Fact]
    public async Task An_unknown_peering_has_no_repair_to_start()
    {
        Assert.Null(await Repairs.RepairNowAsync(durable.Client, Id, CancellationToken.None));
        Assert.Null(await Repairs.ExtendRoutesAsync(durable.Client, "not-a-peering", CancellationToken.None));
    }

    private static DriftFinding Finding(string kind, string side, string subject) => new(kind, side, subject, $"{kind} {subject}", FoundAt);

    private async Task<RegisteredPeering> RegisterAsync(string state, DriftFinding finding, string policy = RepairPolicies.Repair) =>
        await RegisterAsync(state, [finding], policy);

    private Task<RegisteredPeering> RegisterAsync(string state, DriftFinding first, DriftFinding second, DriftFinding? third = null) =>
        RegisterAsync(state, third is null ? [first, second] : [first, second, third], RepairPolicies.Repair);

    private async Task<RegisteredPeering> RegisterAsync(string state, IReadOnlyList<DriftFinding> findings, string policy)
    {
        var record = new RegisteredPeering(
            Id, "alpha-beta", state, Pcx,
            new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", "rtb-alphapcx", ["172.16.0.0/16"], ["rti-00000001"],
                [new RegisteredAssociation("subnet-alphaweb", "rtb-alphamai", "rtb-alphapcx")]),
            new RegisteredSide("beta", null, "ap-shanghai", "vpc-beta0001", "rtb-betapcx1", ["10.10.0.0/16"], ["rti-00000002"],
                [new RegisteredAssociation("subnet-betaapp1", "rtb-betamain", "rtb-betapcx1")]),
            PeeringInstances.Created,
            RepairPolicy: policy,
            Health: new PeeringHealth(HealthStatuses.Drifted, FoundAt, findings, []));
        await registry.UpsertAsync(record);
        return record;
    }
}
