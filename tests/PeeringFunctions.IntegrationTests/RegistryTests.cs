using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>The peering registry through the local host: the workflows record each peering's life outside Durable history.</summary>
public sealed class RegistryTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    private IPeeringRegistry Registry => Fixture.Host.Services.GetRequiredService<IPeeringRegistry>();

    [Fact]
    public async Task An_active_peering_is_in_the_registry_with_its_routes_and_moved_subnets_and_its_teardown_marks_it_torn_down()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);
        var pcx = AssertActive(done, Emulator.Snapshot(), AlphaVpc, BetaVpc).PeeringConnectionId;

        var record = await Registry.GetAsync(started.Id);
        Assert.NotNull(record);
        Assert.Equal((RegistryStates.Active, pcx), (record.State, record.PeeringConnectionId));
        Assert.Equal(done.Outcome!.Initiator.CreatedRouteItemIds, record.Initiator.CreatedRouteItemIds);
        Assert.Equal([new RegisteredAssociation(BetaAppSubnet, BetaMainTable, BetaPeeringTable)], record.Receiver.AssociationChanges);

        using var response = await Api.TeardownAsync(started.Id);
        await Api.WaitUntilAsync(started.Id, v => v.State == LifecycleStates.TornDown, "torn down");

        var after = await Registry.GetAsync(started.Id);
        Assert.Equal(RegistryStates.TornDown, after!.State);
        Assert.Contains("Torn down: ", after.Message, StringComparison.Ordinal);
        AssertNothingLeft(Emulator.Snapshot(), Seeded, AlphaVpc, BetaVpc);
    }

    [Fact]
    public async Task A_peering_whose_history_was_purged_is_still_shown_and_torn_down_from_the_registry_leaving_both_sides_clean()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var pcx = AssertActive(await Api.WaitForEndAsync(started.Id), Emulator.Snapshot(), AlphaVpc, BetaVpc).PeeringConnectionId;

        await Client.PurgeInstanceAsync(started.Id);
        Assert.Null(await Client.GetInstanceAsync(started.Id));

        var shown = await Api.GetAsync(started.Id);
        Assert.Equal((PeeringStatus.Active, pcx), (shown.State, shown.PeeringConnectionId));
        using var response = await Api.TeardownAsync(started.Id);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var done = await Api.WaitUntilAsync(started.Id, v => v.State == LifecycleStates.TornDown, "torn down");

        Assert.Equal("Completed", done.Teardown!.RuntimeStatus);
        Assert.Empty(done.Teardown.Outcome!.Problems);
        var state = Emulator.Snapshot();
        AssertNothingLeft(state, Seeded, AlphaVpc, BetaVpc);
        Assert.Equal("DELETED", state.Peering(pcx)!.State);
        using var again = await Api.TeardownAsync(started.Id);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_request_refused_by_pre_flight_is_recorded_as_refused_with_no_peering_connection()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion().With(b => b["receiver"]!["vpcId"] = BetaOverlapVpc));
        var done = await Api.WaitForEndAsync(started.Id);

        var record = await Registry.GetAsync(started.Id);
        Assert.Equal(PeeringStatus.PreflightFailed, done.State);
        Assert.Equal((RegistryStates.PreflightFailed, (string?)null), (record!.State, record.PeeringConnectionId));
        Assert.Equal(done.Outcome!.Message, record.Message);
    }
}
