using System.Text.Json.Nodes;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// Faults injected by the emulator: a permanent one after the request exists must be compensated completely; transient
/// ones (throttling, a lost reply) must be retried without ever creating a second peering.
/// </summary>
/// <remarks>
/// The same-account pair (beta ap-shanghai ↔ beta ap-guangzhou) is ACTIVE as soon as it is requested, so those tests
/// exercise configuration, verification and compensation without a consent step.
/// </remarks>
public sealed class FailureTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Receivers_routes_failing_for_good_after_acceptance_are_compensated_leaving_no_route_association_or_live_peering()
    {
        Emulator.AddFault(new FaultRule { Action = "CreateRoutes", Account = Beta, Code = "LimitExceeded", Message = "route table is full" });

        var done = await RunAsync(PeeringRequests.CrossRegion(), acceptAs: Beta);

        AssertCompensated(done, AlphaVpc, BetaVpc);
    }

    [Fact]
    public async Task Routes_failing_for_good_on_one_side_of_a_same_account_peering_are_compensated_leaving_no_route_association_or_live_peering()
    {
        // Only the first CreateRoutes fails: the other side's routes are created and must be removed again.
        Emulator.AddFault(new FaultRule { Action = "CreateRoutes", Code = "LimitExceeded", Message = "route table is full", Count = 1 });

        var done = await RunAsync(PeeringRequests.SameAccount(), acceptAs: null);

        AssertCompensated(done, BetaVpc, BetaGzVpc);
        Assert.Equal(2, Emulator.Calls().ForAction("CreateRoutes").Total);
    }

    [Fact]
    public async Task Throttled_calls_are_retried_and_the_peering_still_ends_active_with_exactly_one_peering()
    {
        Emulator.AddFault(new FaultRule { Action = "*", Rate = 0.5, Code = "RequestLimitExceeded", Count = 3 });

        var done = await RunAsync(PeeringRequests.SameAccount(), acceptAs: null);

        var state = Emulator.Snapshot();
        var pcx = AssertActive(done, state, BetaVpc, BetaGzVpc).PeeringConnectionId;
        AssertRoutesVia(state, BetaPeeringTable, pcx, BetaGzCidr);
        AssertRoutesVia(state, BetaGzMainTable, pcx, BetaCidr);
        Assert.InRange(Emulator.Calls().Totals.FaultsInjected, 1, 3);
    }

    [Fact]
    public async Task Lost_reply_to_the_peering_request_is_read_back_instead_of_creating_a_second_peering()
    {
        Emulator.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });

        var done = await RunAsync(PeeringRequests.SameAccount(), acceptAs: null);

        var state = Emulator.Snapshot();
        var pcx = AssertActive(done, state, BetaVpc, BetaGzVpc).PeeringConnectionId;
        AssertRoutesVia(state, BetaPeeringTable, pcx, BetaGzCidr);
        var creates = Emulator.Calls().ForAction("CreateVpcPeeringConnection");
        Assert.Equal(1, creates.RepliesDropped);
        Assert.Equal(2, creates.Total); // the retry met VpcPeerAlreadyExist and read the peering back
    }

    [Fact]
    public async Task Lost_reply_to_a_cross_account_peering_request_is_read_back_and_the_accepted_peering_ends_active()
    {
        Emulator.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });

        var done = await RunAsync(PeeringRequests.CrossRegion(), acceptAs: Beta);

        var state = Emulator.Snapshot();
        var pcx = AssertActive(done, state, AlphaVpc, BetaVpc).PeeringConnectionId;
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaCidr);
        AssertRoutesVia(state, BetaPeeringTable, pcx, AlphaCidr);
        Assert.Equal(1, Emulator.Calls().ForAction("CreateVpcPeeringConnection").RepliesDropped);
    }

    /// <summary>Starts the peering over HTTP, accepts it as <paramref name="acceptAs"/>'s approver when it waits, and waits for the end.</summary>
    private async Task<PeeringView> RunAsync(JsonObject body, string? acceptAs)
    {
        var started = await Api.StartAcceptedAsync(body);
        if (acceptAs is not null)
        {
            await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
            await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(acceptAs));
        }

        return await Api.WaitForEndAsync(started.Id, TimeSpan.FromSeconds(60));
    }

    private void AssertCompensated(PeeringView done, string vpcA, string vpcB)
    {
        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(PeeringStatus.Failed, done.State);
        Assert.Equal(PeeringSteps.Configuring, done.Outcome!.FailedStep);
        Assert.Equal("LimitExceeded", done.Outcome.ErrorCode);
        Assert.Contains(done.Outcome.Undone, u => u.StartsWith("deleted peering", StringComparison.Ordinal));

        var state = Emulator.Snapshot();
        Assert.Equal("DELETED", state.Peering(done.PeeringConnectionId!)?.State);
        AssertNothingLeft(state, Seeded, vpcA, vpcB);
    }
}
