using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>Pre-flight reads the receiver's peerings too, and refuses a VPC at its peering quota before anything is created.</summary>
public sealed class PeeringQuotaTests(OnePeeringPerVpcHostFixture fixture) : IntegrationTest(fixture), IClassFixture<OnePeeringPerVpcHostFixture>
{
    [Fact]
    public async Task A_receiver_VPC_at_its_quota_of_live_peerings_is_refused_with_no_write_to_tencent()
    {
        // beta peers its Shanghai VPC with its Guangzhou VPC in its own console: its one live peering.
        var own = await Fixture.ConsoleOf(Beta, Shanghai).CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = BetaVpc,
            PeeringConnectionName = "beta-own",
            DestinationVpcId = BetaGzVpc,
            DestinationUin = BetaUin,
            DestinationRegion = Guangzhou,
            Bandwidth = 10,
        });
        Emulator.ResetCalls();

        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal(PeeringStatus.PreflightFailed, done.State);
        Assert.Equal(
            [$"VPC {BetaVpc} (beta/ap-shanghai/{BetaVpc}) already has 1 live peering connections (PENDING or ACTIVE); Tencent allows 1 per VPC. " +
                "Delete one it no longer needs first."],
            done.Outcome!.Problems);
        var calls = Emulator.Calls();
        Assert.Equal(0, calls.Totals.Writes);
        Assert.True(calls.ByAccountAndAction[Beta].ContainsKey("DescribeVpcPeeringConnections"), "pre-flight did not read the receiver's peerings");
        var state = Emulator.Snapshot();
        Assert.Empty(state.PeeringsBetween(AlphaVpc, BetaVpc));
        Assert.Equal("ACTIVE", state.Peering(own.PeeringConnectionId!)!.State);
    }
}
