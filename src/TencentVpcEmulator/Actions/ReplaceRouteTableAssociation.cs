using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;

namespace TencentVpcEmulator.Actions;

/// <summary>ReplaceRouteTableAssociation (spec §4.13): moves one subnet to another route table of the same VPC.</summary>
internal sealed class ReplaceRouteTableAssociation : ActionHandler
{
    public override string Name => "ReplaceRouteTableAssociation";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 100;

    // SubnetId is optional in the newest definition, yet nothing else identifies the subnet: treat it as required.
    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("RouteTableId", ParamType.String)
        .Optional("SubnetId", ParamType.String);

    public override JsonObject Execute(ActionContext c)
    {
        var subnetId = c.Parameters.GetString("SubnetId")
            ?? throw RequestParameters.Missing(c.Errors, "SubnetId");
        var table = Lookup.RouteTable(c, c.Parameters.GetString("RouteTableId"), "RouteTableId");
        var subnet = Lookup.Subnet(c, subnetId, "SubnetId");
        if (!ReferenceEquals(subnet.Vpc, table.Vpc))
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcMismatch,
                $"The subnet `{subnet.SubnetId}` ({subnet.Vpc.VpcId}) and the route table `{table.RouteTableId}` ({table.Vpc.VpcId}) are in different VPCs.");
        }

        subnet.RouteTableId = table.RouteTableId;
        return new JsonObject();
    }
}
