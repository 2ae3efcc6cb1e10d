using Microsoft.Extensions.Logging.Abstractions;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Peerings.Tests.Registry;

/// <summary>A teardown removes what the registry recorded for the peering (it outlives Durable history), else what the outcome says.</summary>
public sealed class TeardownFromTheRegistryTests
{
    private static readonly PeeringRequest Request = PeeringInstances.AlphaToBeta();

    private readonly DurableFake durable = new();
    private readonly InMemoryPeeringRegistry registry = new();

    private async Task<TeardownRequest> TeardownStartedAsync()
    {
        var peering = PeeringInstances.Active(Request);
        durable.Add(peering);
        var result = await new PeeringOperations(registry, NullLogger<PeeringOperations>.Instance).TeardownAsync(durable.Client, peering, CancellationToken.None);

        Assert.NotNull(result.TeardownId);
        var started = Assert.Single(durable.Started);
        Assert.Equal(nameof(TeardownOrchestrator), started.Orchestrator);
        return Assert.IsType<TeardownRequest>(started.Input);
    }

    private static RegisteredSide Side(string account, string region, string vpc, string table, string subnet, string routeItem) =>
        new(account, null, region, vpc, table, ["10.0.0.0/16"], [routeItem], [new RegisteredAssociation(subnet, "rtb-previous", table)]);

    [Fact]
    public async Task The_sides_the_registry_recorded_for_the_peering_are_what_the_teardown_removes_and_it_names_the_peering()
    {
        var id = PeeringInstances.IdOf(Request);
        await registry.UpsertAsync(new RegisteredPeering(
            id, Request.Name, RegistryStates.Active, PeeringInstances.Pcx,
            Side("alpha", "ap-guangzhou", "vpc-alpha001", "rtb-alpharec", "subnet-alpharec", "rti-alpharec"),
            Side("beta", "ap-shanghai", "vpc-beta0001", "rtb-betarec1", "subnet-betarec1", "rti-betarec1"),
            PeeringInstances.Created));

        var teardown = await TeardownStartedAsync();

        Assert.Equal(id, teardown.PeeringId);
        Assert.Equal("rtb-alpharec", teardown.Initiator.RouteTableId);
        Assert.Equal([new AssociationChange("subnet-alpharec", "rtb-previous", "rtb-alpharec")], teardown.Initiator.AssociationChanges);
        Assert.Equal(["rti-betarec1"], teardown.Receiver!.CreatedRouteItemIds);
    }

    [Fact]
    public async Task An_adopted_peering_whose_initiator_is_not_ours_is_torn_down_from_the_receivers_side_naming_the_initiators_uin()
    {
        var id = PeeringInstances.IdOf(Request);
        var record = new RegisteredPeering(
            id, Request.Name, RegistryStates.Active, PeeringInstances.Pcx,
            new RegisteredSide(null, "200000000009", "ap-guangzhou", "vpc-extern01", null, [], [], []),
            Side("beta", "ap-shanghai", "vpc-beta0001", "rtb-betarec1", "subnet-betarec1", "rti-betarec1"),
            PeeringInstances.Created) { Origin = PeeringOrigins.Adopted };
        await registry.UpsertAsync(record);

        var result = await new PeeringOperations(registry, NullLogger<PeeringOperations>.Instance).TeardownRegisteredAsync(durable.Client, record, CancellationToken.None);

        Assert.NotNull(result.TeardownId);
        var teardown = Assert.IsType<TeardownRequest>(Assert.Single(durable.Started).Input);
        Assert.Equal(new ExternalInitiator("200000000009", "ap-guangzhou", "vpc-extern01"), teardown.ExternalInitiator);
        Assert.Null(teardown.Initiator.Account);
        Assert.Equal("beta", teardown.Receiver!.Account);
    }

    [Fact]
    public async Task Without_a_record_of_this_peering_connection_the_outcome_says_what_to_remove()
    {
        var outcome = PeeringInstances.Active(Request).ReadOutputAs<PeeringOutcome>()!;
        await registry.UpsertAsync(new RegisteredPeering(
            PeeringInstances.IdOf(Request), Request.Name, RegistryStates.TornDown, "pcx-earlier1",
            Side("alpha", "ap-guangzhou", "vpc-alpha001", "rtb-alpharec", "subnet-alpharec", "rti-alpharec"),
            Side("beta", "ap-shanghai", "vpc-beta0001", "rtb-betarec1", "subnet-betarec1", "rti-betarec1"),
            PeeringInstances.Created));

        var teardown = await TeardownStartedAsync();

        Assert.Equal(outcome.Initiator.RouteTableId, teardown.Initiator.RouteTableId);
        Assert.Equal(outcome.Initiator.AssociationChanges, teardown.Initiator.AssociationChanges);
    }
}
