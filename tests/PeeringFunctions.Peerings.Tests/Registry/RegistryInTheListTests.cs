using Microsoft.Extensions.Logging.Abstractions;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Tests.Registry;

/// <summary>
/// The list and the status document merge the registry with Durable: records without an instance are listed, every
/// view carries the record's health and people, a running instance keeps its own state, a newer record wins over a
/// finished one, and the state filter runs on the merged list.
/// </summary>
public sealed class RegistryInTheListTests
{
    private static readonly PeeringRequest Request = PeeringInstances.AlphaToBeta();
    private static readonly DateTimeOffset AfterTheRun = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeTheRunEnded = new(2026, 11, 20, 8, 4, 0, TimeSpan.Zero);

    private readonly DurableFake durable = new();
    private readonly InMemoryPeeringRegistry registry = new();

    private PeeringOperations Operations => new(registry, NullLogger<PeeringOperations>.Instance);

    private static RegisteredSide Side(string account, string vpc) => new(account, null, "ap-guangzhou", vpc, "rtb-recorded", ["10.0.0.0/16"], [], []);

    private static RegisteredPeering Record(string id, string state, DateTimeOffset at, PeeringHealth? health = null) => new(
        id, "recorded", state, "pcx-recorded", Side("alpha", "vpc-alpharec"), Side("beta", "vpc-betarec1"), at,
        $"recorded {state}", RepairPolicies.Notify, PeeringOrigins.Requested, "portal", "approver of beta (http)", health);

    private static PeeringHealth Drifted() => new(
        HealthStatuses.Drifted, AfterTheRun,
        [new DriftFinding(DriftKinds.RouteDisabled, FindingSides.Initiator, "10.1.0.0/16", "The route to 10.1.0.0/16 is disabled.", AfterTheRun)], []);

    [Fact]
    public async Task A_record_whose_history_was_purged_is_listed_with_its_health_and_who_asked_and_approved()
    {
        await registry.UpsertAsync(Record("peering-vpc-alpharec-vpc-betarec1", RegistryStates.Active, AfterTheRun, Drifted()));

        var view = Assert.Single(await Operations.ListAsync(durable.Client, null, CancellationToken.None));

        Assert.Equal((RegistryStates.Active, "pcx-recorded"), (view.State, view.PeeringConnectionId));
        Assert.Equal((HealthStatuses.Drifted, "portal", "approver of beta (http)", RepairPolicies.Notify), (view.Health!.Status, view.RequestedBy, view.ApprovedBy, view.RepairPolicy));
        Assert.Equal("The route to 10.1.0.0/16 is disabled.", Assert.Single(view.Health.Findings).Description);
    }

    [Fact]
    public async Task A_record_written_after_a_finished_run_gives_the_state_and_the_filter_finds_it_by_that_state()
    {
        durable.Add(PeeringInstances.Active(Request));
        await registry.UpsertAsync(Record(PeeringInstances.IdOf(Request), RegistryStates.Drifted, AfterTheRun, Drifted()));

        var drifted = await Operations.ListAsync(durable.Client, RegistryStates.Drifted, CancellationToken.None);
        var active = await Operations.ListAsync(durable.Client, PeeringStatus.Active, CancellationToken.None);

        var view = Assert.Single(drifted);
        Assert.Equal((PeeringInstances.IdOf(Request), "recorded Drifted"), (view.Id, view.Message));
        Assert.NotNull(view.Outcome); // the run's output still shows
        Assert.Empty(active);
    }

    [Fact]
    public async Task A_record_older_than_the_finished_run_adds_its_health_but_the_run_keeps_its_state()
    {
        durable.Add(PeeringInstances.Active(Request));
        await registry.UpsertAsync(Record(PeeringInstances.IdOf(Request), RegistryStates.Requested, BeforeTheRunEnded));

        var view = await Operations.GetAsync(durable.Client, PeeringInstances.IdOf(Request), CancellationToken.None);

        Assert.Equal((PeeringStatus.Active, HealthStatuses.Unchecked), (view!.State, view.Health!.Status));
        Assert.Equal("approver of beta (http)", view.ApprovedBy);
    }

    [Fact]
    public async Task A_running_instance_keeps_its_own_state_whatever_the_record_says()
    {
        durable.Add(PeeringInstances.Waiting(Request));
        await registry.UpsertAsync(Record(PeeringInstances.IdOf(Request), RegistryStates.Requested, AfterTheRun));

        var view = Assert.Single(await Operations.ListAsync(durable.Client, null, CancellationToken.None));

        Assert.Equal((PeeringSteps.WaitingForAcceptance, "portal"), (view.State, view.RequestedBy));
    }

    [Fact]
    public async Task A_peering_the_registry_does_not_hold_has_no_health_part()
    {
        durable.Add(PeeringInstances.Active(Request));

        var view = await Operations.GetAsync(durable.Client, PeeringInstances.IdOf(Request), CancellationToken.None);

        Assert.Null(view!.Health);
        Assert.Null(view.RequestedBy);
    }
}
