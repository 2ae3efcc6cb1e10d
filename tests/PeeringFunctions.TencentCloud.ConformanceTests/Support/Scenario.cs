using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.ConformanceTests.Support;

/// <summary>Common set-ups, done through the client (never by poking the emulator's state).</summary>
public static class Scenario
{
    public static CreateVpcPeeringConnectionRequest Request(string sourceVpc, string destinationVpc, ApiKey destinationOwner, string destinationRegion, string name) => new()
    {
        SourceVpcId = sourceVpc,
        PeeringConnectionName = name,
        DestinationVpcId = destinationVpc,
        DestinationUin = destinationOwner.Uin.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DestinationRegion = destinationRegion,

        // Across regions Tencent needs a bandwidth cap; within a region it ignores one.
        Bandwidth = 10,
    };

    /// <summary>alpha (vpc-alpha001, ap-guangzhou) asks beta (vpc-beta0001, ap-shanghai): a cross-account, cross-region request.</summary>
    public static CreateVpcPeeringConnectionRequest AlphaToBeta(string name = "alpha-to-beta") =>
        Request(World.AlphaVpc, World.BetaVpc, World.Beta, World.Shanghai, name);

    public static async Task<string> RequestAlphaToBetaAsync(this EmulatorFixture f, string name = "alpha-to-beta")
    {
        var created = await f.Alpha().CreateVpcPeeringConnection(AlphaToBeta(name));
        return created.PeeringConnectionId!;
    }

    /// <summary>alpha asks, beta accepts in the receiver's region, and the cross-region activation passes: ACTIVE.</summary>
    public static async Task<string> ActiveAlphaToBetaAsync(this EmulatorFixture f, string name = "alpha-to-beta")
    {
        var id = await f.RequestAlphaToBetaAsync(name);
        await f.Beta().AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = id });
        f.PassActivation();
        return id;
    }

    public static Route PeeringRoute(string destination, string peeringConnectionId, string? description = null) => new()
    {
        DestinationCidrBlock = destination,
        GatewayType = GatewayTypes.PeerConnection,
        GatewayId = peeringConnectionId,
        RouteDescription = description,
        Enabled = true,
    };

    public static async Task<PeerConnection> DescribeOneAsync(this Vpc.V20170312.VpcClient client, string peeringConnectionId)
    {
        var response = await client.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = [peeringConnectionId] });
        Assert.Equal(1, response.TotalCount);
        return Assert.Single(response.PeerConnectionSet!);
    }
}
