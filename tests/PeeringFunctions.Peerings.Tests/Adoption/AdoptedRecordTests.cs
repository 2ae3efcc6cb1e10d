using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.Peerings.Tests.Adoption;

/// <summary>What an adoption records: Tencent's routes via the peering as the desired state, and nothing as ours to remove but those routes.</summary>
public sealed class AdoptedRecordTests
{
    private const string Pcx = "pcx-adopt001";
    private static readonly DateTimeOffset At = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    private static readonly PeeringFacts Facts = new(Pcx, "console-made", "vpc-alpha001", "vpc-betagz01", "ACTIVE", 100000000001, 100000000002,
        SourceRegion: "ap-guangzhou", DestinationRegion: "ap-guangzhou");

    private static RouteTable Table(string vpc, string id, bool main, string[] subnets, params (string Destination, string Type, string Gateway, bool Enabled)[] routes) => new()
    {
        VpcId = vpc,
        RouteTableId = id,
        Main = main,
        AssociationSet = [.. subnets.Select(s => new RouteTableAssociation { SubnetId = s, RouteTableId = id })],
        RouteSet = [.. routes.Select(r => new Route { DestinationCidrBlock = r.Destination, GatewayType = r.Type, GatewayId = r.Gateway, Enabled = r.Enabled })],
    };

    [Fact]
    public void Only_the_tables_of_the_vpc_routing_via_this_peering_are_its_routes_each_destination_once_disabled_ones_included()
    {
        RouteTable[] tables =
        [
            Table("vpc-alpha001", "rtb-alphapcx", false, ["subnet-alphaweb"],
                ("172.16.0.0/16", GatewayTypes.PeerConnection, Pcx, true),
                ("192.168.0.0/20", GatewayTypes.PeerConnection, Pcx, false),
                ("192.168.0.0/20", GatewayTypes.PeerConnection, Pcx, true),
                ("10.99.0.0/16", GatewayTypes.PeerConnection, "pcx-another1", true)),
            Table("vpc-alpha001", "rtb-alphamai", true, ["subnet-alphadb1"], ("0.0.0.0/0", GatewayTypes.Nat, "nat-12345678", true)),
            Table("vpc-other001", "rtb-othertbl", false, [], ("10.10.0.0/16", GatewayTypes.PeerConnection, Pcx, true)),
        ];

        var routes = PeeringRoutes.Of(tables, "vpc-alpha001", Pcx);

        var table = Assert.Single(routes);
        Assert.Equal(new DiscoveredRouteTable("rtb-alphapcx", false, ["172.16.0.0/16", "192.168.0.0/20"], ["subnet-alphaweb"]), table, RouteTableEquality.Instance);
    }

    [Fact]
    public void A_managed_side_records_its_one_table_and_destinations_with_no_route_we_created_and_its_subnets_kept_not_moved()
    {
        var sides = new PeeringSides(
            new SeenSide("alpha", "100000000001", "ap-guangzhou", "vpc-alpha001"),
            new SeenSide(null, "100000000002", "ap-guangzhou", "vpc-betagz01"));
        var routes = new Dictionary<string, IReadOnlyList<DiscoveredRouteTable>>
        {
            ["vpc-alpha001"] = [new DiscoveredRouteTable("rtb-alphapcx", false, ["192.168.0.0/20"], ["subnet-alphaweb"])],
        };

        var record = AdoptedRecord.Of("peering-vpc-alpha001-vpc-betagz01", Facts, sides, routes, RepairPolicies.Notify, "portal", At);

        Assert.Equal((RegistryStates.Active, PeeringOrigins.Adopted, RepairPolicies.Notify, "portal"), (record.State, record.Origin, record.RepairPolicy, record.RequestedBy));
        Assert.Equal((Pcx, "console-made", At), (record.PeeringConnectionId, record.Name, record.UpdatedAt));
        Assert.Equal(PeeringHealth.Unchecked, record.Health);
        Assert.Equal(("rtb-alphapcx", (string?)null), (record.Initiator.RouteTableId, record.Initiator.Uin));
        Assert.Equal(["192.168.0.0/20"], record.Initiator.Destinations);
        Assert.Empty(record.Initiator.CreatedRouteItemIds);
        Assert.Empty(record.Initiator.AssociationChanges);
        Assert.Equal(["subnet-alphaweb"], record.Initiator.KeptSubnetIds);
        Assert.Contains("nothing was changed in Tencent", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_side_is_known_by_its_uin_alone_and_a_managed_side_without_routes_records_no_table()
    {
        var sides = new PeeringSides(
            new SeenSide("alpha", "100000000001", "ap-guangzhou", "vpc-alpha001"),
            new SeenSide(null, "100000000002", "ap-guangzhou", "vpc-betagz01"));

        var record = AdoptedRecord.Of("peering-vpc-alpha001-vpc-betagz01", Facts with { Name = "" }, sides,
            new Dictionary<string, IReadOnlyList<DiscoveredRouteTable>> { ["vpc-alpha001"] = [] }, RepairPolicies.Repair, "portal", At);

        Assert.Equal("peering-vpc-alpha001-vpc-betagz01", record.Name);
        Assert.Equal(((string?)null, (string?)null), (record.Initiator.RouteTableId, record.Receiver.Account));
        Assert.Empty(record.Initiator.Destinations);
        Assert.False(record.Receiver.IsManaged);
        Assert.Equal(("100000000002", (string?)null), (record.Receiver.Uin, record.Receiver.RouteTableId));
        Assert.Empty(record.Receiver.KeptSubnetIds!);
    }

    /// <summary>Records holding lists compare them by reference; this compares what they hold.</summary>
    private sealed class RouteTableEquality : IEqualityComparer<DiscoveredRouteTable>
    {
        public static readonly RouteTableEquality Instance = new();

        public bool Equals(DiscoveredRouteTable? x, DiscoveredRouteTable? y) =>
            x is not null && y is not null && x.RouteTableId == y.RouteTableId && x.Main == y.Main
            && x.Destinations.SequenceEqual(y.Destinations) && x.SubnetIds.SequenceEqual(y.SubnetIds);

        public int GetHashCode(DiscoveredRouteTable obj) => obj.RouteTableId.GetHashCode(StringComparison.Ordinal);
    }
}
