using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Tests;

/// <summary>Which ids a new one must avoid: the store answers from its own sets, so they must track creations and deletions.</summary>
public class IdReservationTests
{
    private const string SeededItemId = "rti-seeded01";

    private static VpcStore Store()
    {
        var seed = EmulatorSeed.Demo;
        seed.Vpcs.Add(new SeedVpc
        {
            Account = "alpha", Region = "ap-guangzhou", VpcId = "vpc-seeded01", CidrBlock = "10.30.0.0/16",
            RouteTables =
            [
                new SeedRouteTable
                {
                    RouteTableId = "rtb-seeded01", Main = true,
                    Routes = [new SeedRoute { DestinationCidrBlock = "0.0.0.0/0", GatewayType = "NAT", GatewayId = "nat-12345678", RouteItemId = SeededItemId }],
                },
            ],
        });
        var store = new VpcStore();
        store.Load(seed, DateTimeOffset.UnixEpoch, randomSeed: 19);
        return store;
    }

    [Fact]
    public void Seeded_ids_are_taken_and_an_id_nobody_has_is_free()
    {
        var store = Store();
        Assert.True(store.IsIdTaken(SeededItemId));
        Assert.True(store.IsIdTaken("vpc-alpha001"));
        Assert.True(store.IsIdTaken("subnet-alphaweb"));
        Assert.True(store.IsIdTaken("rtb-alphamai"));
        Assert.False(store.IsIdTaken("rti-nobody00"));
    }

    [Fact]
    public void A_route_item_id_in_use_is_taken_and_free_again_once_its_route_is_gone()
    {
        var store = Store();
        var table = store.RouteTables["rtb-alphapcx"];
        var id = store.NewId("rti");
        Assert.NotEqual(SeededItemId, id);
        table.Routes.Add(new RouteRecord
        {
            RouteId = table.NextRouteId++, RouteItemId = id, RouteTableId = table.RouteTableId, DestinationCidrBlock = "10.99.0.0/16",
            GatewayType = "NAT", GatewayId = "nat-12345678", RouteDescription = "", Enabled = true, CreatedAt = DateTimeOffset.UnixEpoch,
        });
        Assert.True(store.IsIdTaken(id));

        // As before the index: a deleted route's item id may be issued again (only peering ids outlive their record's use).
        table.Routes.Clear();
        Assert.False(store.IsIdTaken(id));
    }

    [Fact]
    public void A_deleted_peerings_id_stays_taken()
    {
        var store = Store();
        var peering = new PeeringRecord
        {
            PeeringConnectionId = store.NewId("pcx"), Name = "p", Source = store.Vpcs["vpc-alpha001"], Destination = store.Vpcs["vpc-beta0001"],
            State = PeeringStates.Pending, Bandwidth = 10, ChargeType = "", QosLevel = "", Type = "VPC_PEER", Tags = [],
            CreatedAt = DateTimeOffset.UnixEpoch, Sequence = store.NextPeeringSequence(),
        };
        store.AddPeering(peering);
        peering.State = PeeringStates.Deleted;
        Assert.True(store.IsIdTaken(peering.PeeringConnectionId));
    }
}
