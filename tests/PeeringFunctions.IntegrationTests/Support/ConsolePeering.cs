using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>A peering made outside the app, as a person makes it in the Tencent console: what adoption finds.</summary>
internal static class ConsolePeering
{
    /// <summary>The id the registry gives the adopted alpha ↔ beta (Guangzhou) pair.</summary>
    public static readonly string PairId = $"peering-{AlphaVpc}-{BetaGzVpc}";

    /// <summary>
    /// What a person does in the console for alpha ↔ beta in Guangzhou: alpha asks, beta accepts with its own key,
    /// each routes the other's CIDR through it (alpha on its peering table, beta on its main one), and alpha moves its
    /// web subnet onto the routed table.
    /// </summary>
    public static async Task<string> PeerAsync(LocalHostFixture fixture)
    {
        var alpha = fixture.ConsoleOf(Alpha, Guangzhou);
        var created = await alpha.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = AlphaVpc,
            PeeringConnectionName = "console-made",
            DestinationVpcId = BetaGzVpc,
            DestinationUin = BetaUin,
            DestinationRegion = Guangzhou,
        });
        var pcx = created.PeeringConnectionId!;
        await TencentConsole.AcceptAsBetaAsync(fixture.Emulator.BaseUrl, Guangzhou, pcx);
        await ActiveAsync(fixture, Alpha, Guangzhou, pcx);
        await RouteAsync(fixture, Alpha, AlphaPeeringTable, pcx, BetaGzCidr);
        await RouteAsync(fixture, Beta, BetaGzMainTable, pcx, AlphaCidr);
        await alpha.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest { SubnetId = AlphaWebSubnet, RouteTableId = AlphaPeeringTable });
        return pcx;
    }

    /// <summary>Until Tencent shows the peering ACTIVE to <paramref name="account"/> (a cross-region one activates after a delay).</summary>
    public static async Task ActiveAsync(LocalHostFixture fixture, string account, string region, string pcx)
    {
        var console = fixture.ConsoleOf(account, region);
        for (var until = DateTime.UtcNow.AddSeconds(15); ; await Task.Delay(50))
        {
            var seen = await console.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = [pcx] });
            if (seen.PeerConnectionSet?.SingleOrDefault()?.State == "ACTIVE")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"{pcx} did not become ACTIVE");
        }
    }

    /// <summary>A route to <paramref name="destination"/> through the pcx, on a Guangzhou table of the account.</summary>
    public static Task RouteAsync(LocalHostFixture fixture, string account, string routeTableId, string pcx, string destination) =>
        fixture.ConsoleOf(account, Guangzhou).CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = routeTableId,
            Routes = [new Route { DestinationCidrBlock = destination, GatewayType = GatewayTypes.PeerConnection, GatewayId = pcx }],
        });
}
