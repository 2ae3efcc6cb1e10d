using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// The registry written at each step (version 5.0), shown with health in the list, and a teardown asked for by the
/// receiver's approvers with their own key (POST /api/peerings/{id}/teardown), even after the history was purged.
/// </summary>
public sealed class TeardownFromEitherSideTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    private IPeeringRegistry Registry => Fixture.Host.Services.GetRequiredService<IPeeringRegistry>();

    [Fact]
    public async Task The_record_is_Requested_while_the_peering_waits_and_names_the_approver_after_the_accept()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion().With(b => b["repairPolicy"] = RepairPolicies.Notify));
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        var waiting = await Registry.GetAsync(started.Id);
        Assert.Equal((RegistryStates.Requested, RepairPolicies.Notify, "portal"), (waiting!.State, waiting.RepairPolicy, waiting.RequestedBy));
        Assert.NotNull(waiting.PeeringConnectionId);
        var listed = Assert.Single(await Api.ListAsync(), v => v.Id == started.Id);
        Assert.Equal((PeeringSteps.WaitingForAcceptance, "portal", RepairPolicies.Notify), (listed.State, listed.RequestedBy, listed.RepairPolicy));
        Assert.Equal(HealthStatuses.Unchecked, listed.Health!.Status);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        await Api.WaitForEndAsync(started.Id);

        var active = await Registry.GetAsync(started.Id);
        Assert.Equal((RegistryStates.Active, $"approver of {Beta} (http)"), (active!.State, active.ApprovedBy));
        Assert.Equal($"approver of {Beta} (http)", (await Api.GetAsync(started.Id)).ApprovedBy);
    }

    [Fact]
    public async Task A_teardown_while_the_peering_is_still_being_requested_is_409_and_changes_nothing()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var pcx = (await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance)).PeeringConnectionId!;

        using var response = await Api.TeardownAsApproverAsync(started.Id, ApproverKey(Beta));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("still being requested", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await Client.GetInstanceAsync(started.Id + "-teardown"));
        Assert.Equal(RegistryStates.Requested, (await Registry.GetAsync(started.Id))!.State);
        Assert.Equal("PENDING", Emulator.Snapshot().Peering(pcx)!.State);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, (await Api.GetAsync(started.Id)).Step);
    }

    [Fact]
    public async Task The_receiver_tears_down_a_purged_peering_with_its_approver_key_leaving_both_sides_clean_and_the_record_naming_it()
    {
        var (id, pcx) = await ActivePeeringAsync();
        await Client.PurgeInstanceAsync(id);
        Assert.Null(await Client.GetInstanceAsync(id));
        var listed = Assert.Single(await Api.ListAsync(RegistryStates.Active), v => v.Id == id);
        Assert.Equal((pcx, HealthStatuses.Unchecked), (listed.PeeringConnectionId, listed.Health!.Status));

        using var response = await Api.TeardownAsApproverAsync(id, ApproverKey(Beta));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await Api.WaitUntilAsync(id, v => v.State == LifecycleStates.TornDown, "torn down");

        Assert.Empty(done.Teardown!.Outcome!.Problems);
        var state = Emulator.Snapshot();
        AssertNothingLeft(state, Seeded, AlphaVpc, BetaVpc);
        Assert.Equal("DELETED", state.Peering(pcx)!.State);
        var record = await Registry.GetAsync(id);
        Assert.Equal(RegistryStates.TornDown, record!.State);
        Assert.Contains($"asked by approver of {Beta} (http)", record.Message, StringComparison.Ordinal);
        Assert.Single(await Api.ListAsync(LifecycleStates.TornDown), v => v.Id == id);
    }

    [Fact]
    public async Task A_teardown_without_an_approver_key_is_401_and_with_a_key_that_is_not_either_sides_is_403_and_nothing_changes()
    {
        var (id, pcx) = await ActivePeeringAsync();

        using (var anonymous = await Api.TeardownAsApproverAsync(id, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var unknownId = await Api.TeardownAsApproverAsync("peering-vpc-nothere1-vpc-nothere2", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknownId.StatusCode);
        }

        foreach (var key in new[] { "not-an-approver-key", ApproverKey(Beta) + "x" })
        {
            using var forbidden = await Api.TeardownAsApproverAsync(id, key);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        Assert.Null(await Client.GetInstanceAsync(id + "-teardown"));
        Assert.Equal("ACTIVE", Emulator.Snapshot().Peering(pcx)!.State);
        Assert.Equal(RegistryStates.Active, (await Registry.GetAsync(id))!.State);
    }

    [Fact]
    public async Task Another_accounts_approver_key_cannot_tear_down_a_peering_between_two_vpcs_of_one_account()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());

        using var response = await Api.TeardownAsApproverAsync(started.Id, ApproverKey(Alpha));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"Only approvers of account '{Beta}' may tear down this peering.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Null(await Client.GetInstanceAsync(started.Id + "-teardown"));
    }

    private async Task<(string Id, string Pcx)> ActivePeeringAsync()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var pcx = AssertActive(await Api.WaitForEndAsync(started.Id), Emulator.Snapshot(), AlphaVpc, BetaVpc).PeeringConnectionId;
        return (started.Id, pcx);
    }
}
