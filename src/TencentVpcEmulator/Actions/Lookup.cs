using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// Resolves IDs the way the caller may see them: VPCs, subnets and route tables belong to one account in one region;
/// a peering is seen by the initiator in the source region and by the receiver in the destination region.
/// A well-formed ID the caller cannot see is ResourceNotFound.
/// </summary>
internal static class Lookup
{
    public static bool Owns(ActionContext c, VpcRecord vpc) => vpc.Owner.Uin == c.Caller.Uin && vpc.Region == c.Region;

    public static VpcRecord Vpc(ActionContext c, string? id, string parameter)
    {
        IdFormat.Require(IdFormat.Vpc, id, parameter);
        return c.Store.Vpcs.TryGetValue(id!, out var vpc) && Owns(c, vpc) ? vpc : throw NotFound(id!, parameter);
    }

    public static SubnetRecord Subnet(ActionContext c, string? id, string parameter)
    {
        IdFormat.Require(IdFormat.Subnet, id, parameter);
        return c.Store.Subnets.TryGetValue(id!, out var subnet) && Owns(c, subnet.Vpc) ? subnet : throw NotFound(id!, parameter);
    }

    public static RouteTableRecord RouteTable(ActionContext c, string? id, string parameter)
    {
        IdFormat.Require(IdFormat.RouteTable, id, parameter);
        return c.Store.RouteTables.TryGetValue(id!, out var table) && Owns(c, table.Vpc) ? table : throw NotFound(id!, parameter);
    }

    public static PeeringRecord Peering(ActionContext c, string? id, string parameter)
    {
        IdFormat.Require(IdFormat.Peering, id, parameter);
        return c.Store.PeeringsById.TryGetValue(id!, out var peering) && peering.IsVisibleTo(c.Caller, c.Region)
            ? peering
            : throw NotFound(id!, parameter);
    }

    public static ApiException NotFound(string id, string parameter) =>
        new(ErrorCodes.ResourceNotFound, $"The resource `{id}` given in `{parameter}` does not exist.");
}
