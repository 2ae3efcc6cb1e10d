using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// Tencent describes a cross-account request that is still PENDING without PeerVpcId and DestinationVpcId (the
/// emulator's default, as the official example shows it). Every place that finds "the peering of this pair" must
/// still find the right one, never a guess: pre-flight cannot tell such a request is the pair's, so the create meets
/// VpcPeerAlreadyExist and the create activity finds the request by its pair; a request whose id never came back is
/// withdrawn by its pair.
/// </summary>
public sealed class PendingRequestWithoutPeerVpcTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task A_pending_request_of_the_pair_made_elsewhere_is_found_by_its_pair_and_ends_active_as_the_pairs_only_peering()
    {
        var elsewhere = await RequestInTheConsoleAsync(Fixture.ConsoleOf(Alpha, Guangzhou), AlphaVpc, BetaVpc, BetaUin, Shanghai);
        await AssertTencentNamesNoPeerVpcAsync(elsewhere);

        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var waiting = await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        Assert.Equal(elsewhere, waiting.PeeringConnectionId);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id, TimeSpan.FromSeconds(60));

        var state = Emulator.Snapshot();
        Assert.Equal(elsewhere, AssertActive(done, state, AlphaVpc, BetaVpc).PeeringConnectionId);
        AssertRoutesVia(state, AlphaPeeringTable, elsewhere, BetaCidr);
        AssertRoutesVia(state, BetaPeeringTable, elsewhere, AlphaCidr);
        var creates = Emulator.Calls().ForAction("CreateVpcPeeringConnection");
        Assert.Equal(2, creates.Total); // the console's, and ours, which met VpcPeerAlreadyExist
        Assert.Equal(1, creates.Errors);
    }

    [Fact]
    public async Task A_pending_request_the_receiver_sent_first_is_accepted_by_the_initiator_and_ends_active()
    {
        var fromReceiver = await RequestInTheConsoleAsync(Fixture.ConsoleOf(Beta, Shanghai), BetaVpc, AlphaVpc, AlphaUin, Guangzhou);
        await AssertTencentNamesNoPeerVpcAsync(fromReceiver, Fixture.ConsoleOf(Alpha, Guangzhou));

        // No decision is given: the receiver asked for the peering itself.
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var done = await Api.WaitForEndAsync(started.Id, TimeSpan.FromSeconds(60));

        var state = Emulator.Snapshot();
        Assert.Equal(fromReceiver, AssertActive(done, state, BetaVpc, AlphaVpc).PeeringConnectionId);
        AssertRoutesVia(state, AlphaPeeringTable, fromReceiver, BetaCidr);
        AssertRoutesVia(state, BetaPeeringTable, fromReceiver, AlphaCidr);
        Assert.Equal(1, Emulator.Calls().ByAccountAndAction[Alpha]["AcceptVpcPeeringConnection"].Writes);
    }

    [Fact]
    public async Task A_request_whose_reply_was_lost_and_whose_retry_is_refused_is_withdrawn_by_its_pair()
    {
        Emulator.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });
        Emulator.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Code = "UnauthorizedOperation", Message = "CAM policy no longer allows it.", Count = 1 });

        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var done = await Api.WaitForEndAsync(started.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(PeeringStatus.Failed, done.State);
        Assert.Equal(PeeringSteps.Requesting, done.Outcome!.FailedStep);
        Assert.Equal("UnauthorizedOperation", done.Outcome.ErrorCode);
        Assert.Contains(done.Outcome.Undone, u => u.StartsWith("deleted peering request", StringComparison.Ordinal));
        var lost = Assert.Single(Emulator.Snapshot().PeeringsBetween(AlphaVpc, BetaVpc));
        Assert.Equal("DELETED", lost.State);
        AssertNothingLeft(Emulator.Snapshot(), Seeded, AlphaVpc, BetaVpc);
    }

    [Fact]
    public async Task A_lost_reply_is_read_back_by_its_pair_never_taking_a_pending_request_from_the_same_vpc_to_another_receiver_vpc()
    {
        // Same source VPC, same receiving account, no peer VPC shown: only Tencent's own vpc-id filter tells the two apart.
        var other = await RequestInTheConsoleAsync(Fixture.ConsoleOf(Alpha, Guangzhou), AlphaVpc, BetaGzVpc, BetaUin, Guangzhou);
        await AssertTencentNamesNoPeerVpcAsync(other);
        Emulator.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });

        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var waiting = await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        Assert.NotEqual(other, waiting.PeeringConnectionId);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id, TimeSpan.FromSeconds(60));

        var state = Emulator.Snapshot();
        var ours = AssertActive(done, state, AlphaVpc, BetaVpc).PeeringConnectionId;
        Assert.Equal(waiting.PeeringConnectionId, ours);
        Assert.Equal("PENDING", state.Peering(other)?.State);
        var creates = Emulator.Calls().ForAction("CreateVpcPeeringConnection");
        Assert.Equal((3, 1, 1), (creates.Total, creates.RepliesDropped, creates.Errors)); // the console's; ours, lost; the retry's VpcPeerAlreadyExist
    }

    private static async Task<string> RequestInTheConsoleAsync(VpcClient console, string sourceVpc, string destinationVpc, string destinationUin, string destinationRegion) =>
        (await console.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = sourceVpc,
            PeeringConnectionName = "made in the console",
            DestinationVpcId = destinationVpc,
            DestinationUin = destinationUin,
            DestinationRegion = destinationRegion,
            Bandwidth = 10,
            ChargeType = PeeringChargeTypes.PostpaidByDayMax,
        })).PeeringConnectionId!;

    /// <summary>The precondition of these tests: Tencent (the emulator) describes the request without its peer VPC.</summary>
    private async Task AssertTencentNamesNoPeerVpcAsync(string id, VpcClient? reader = null)
    {
        var described = await (reader ?? Fixture.ConsoleOf(Alpha, Guangzhou)).DescribeVpcPeeringConnections(
            new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = [id] });
        var peering = Assert.Single(described.PeerConnectionSet!);
        Assert.Equal("PENDING", peering.State);
        Assert.Null(peering.PeerVpcId);
        Assert.Null(peering.DestinationVpcId);
    }
}
