using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>From version 4.0 the workflows write each peering's record to the registry, outside Durable history.</summary>
public sealed class RegistryRecordTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task An_active_peering_is_recorded_with_its_pcx_and_what_was_changed_on_each_side()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());

        var record = Assert.Single(cloud.Registry.Values);
        Assert.Equal(("peering-alpha-beta-0001", RegistryStates.Active, NewPeeringId), (record.Id, record.State, record.PeeringConnectionId));
        Assert.Equal(outcome.Message, record.Message);
        Assert.Equal((Alpha, AlphaPcxTable), (record.Initiator.Account, record.Initiator.RouteTableId));
        Assert.Equal(outcome.Initiator.CreatedRouteItemIds, record.Initiator.CreatedRouteItemIds);
        Assert.Equal([new RegisteredAssociation(AlphaWeb, AlphaMainTable, AlphaPcxTable)], record.Initiator.AssociationChanges);
        Assert.Equal([new RegisteredAssociation(BetaApp, BetaMainTable, BetaPcxTable)], record.Receiver.AssociationChanges);
        Assert.Equal(FakeOrchestrationContextDefaults.Now, record.UpdatedAt.UtcDateTime);
    }

    [Fact]
    public async Task A_refused_request_is_recorded_as_refused_with_nothing_created()
    {
        var outcome = await Demo.ContextFor(cloud).RunPeeringAsync(Demo.AlphaToBeta(receiver: Demo.BetaSide(vpcId: BetaOverlapVpc, routeTableId: BetaOverlapMainTable, subnetIds: [BetaOverlapSubnet])));

        var record = Assert.Single(cloud.Registry.Values);
        Assert.Equal((RegistryStates.PreflightFailed, (string?)null), (record.State, record.PeeringConnectionId));
        Assert.Equal(outcome.Message, record.Message);
        Assert.Empty(record.Initiator.CreatedRouteItemIds);
    }

    [Fact]
    public async Task An_external_receiver_is_recorded_by_its_uin_with_nothing_of_ours_on_its_side()
    {
        await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToExternal());

        var receiver = Assert.Single(cloud.Registry.Values).Receiver;
        Assert.Equal(((string?)null, ExternalUin, ExternalVpc), (receiver.Account, receiver.Uin, receiver.VpcId));
        Assert.Empty(receiver.AssociationChanges);
    }

    [Fact]
    public async Task Runs_started_before_version_4_write_nothing_to_the_registry()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());
        context.Version = "3.0";

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.DoesNotContain(nameof(RecordPeeringActivity), context.Names);
        Assert.Empty(cloud.Registry);
    }

    [Fact]
    public async Task A_teardown_records_the_peering_torn_down_and_keeps_what_it_had_changed()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());
        var id = Assert.Single(cloud.Registry.Keys);

        var teardown = await Demo.ContextFor(cloud).RunTeardownAsync(new TeardownRequest(outcome.PeeringConnectionId!, outcome.Initiator, outcome.Receiver, id));

        Assert.Equal(TeardownStatus.Removed, teardown.Status);
        var record = cloud.Registry[id];
        Assert.Equal(RegistryStates.TornDown, record.State);
        Assert.Contains("Torn down: ", record.Message, StringComparison.Ordinal);
        Assert.Equal(AlphaPcxTable, record.Initiator.RouteTableId);
    }

    [Fact]
    public async Task A_teardown_started_before_version_4_or_without_the_peerings_id_writes_nothing()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());
        var before = cloud.Registry.Values.Single();
        var older = Demo.ContextFor(cloud);
        older.Version = "3.0";

        await older.RunTeardownAsync(new TeardownRequest(outcome.PeeringConnectionId!, outcome.Initiator, outcome.Receiver, before.Id));
        var unnamed = Demo.ContextFor(cloud);
        await unnamed.RunTeardownAsync(new TeardownRequest(outcome.PeeringConnectionId!, outcome.Initiator, outcome.Receiver));

        Assert.DoesNotContain(nameof(RecordTeardownActivity), older.Names.Concat(unnamed.Names));
        Assert.Same(before, cloud.Registry[before.Id]);
    }
}
