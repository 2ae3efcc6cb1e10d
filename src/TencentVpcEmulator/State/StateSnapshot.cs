namespace TencentVpcEmulator.State;

/// <summary>Copies the live records into the public <see cref="EmulatorState"/>. Caller holds the store lock.</summary>
internal static class StateSnapshot
{
    public static EmulatorState Capture(VpcStore store, DateTimeOffset now) => new(
        now,
        [.. store.Accounts.Select(a => new AccountState(a.Name, a.Uin, a.AppId, a.SecretId))],
        [.. store.Vpcs.Values.OrderBy(v => v.VpcId, StringComparer.Ordinal)
            .Select(v => new VpcState(v.VpcId, v.VpcName, v.Owner.Name, v.Owner.Uin, v.Region, v.CidrBlock, [.. v.AssistantCidrs]))],
        [.. store.Subnets.Values.OrderBy(s => s.SubnetId, StringComparer.Ordinal)
            .Select(s => new SubnetState(s.SubnetId, s.SubnetName, s.Vpc.VpcId, s.CidrBlock, s.Zone, s.RouteTableId))],
        [.. store.RouteTables.Values.OrderBy(t => t.RouteTableId, StringComparer.Ordinal)
            .Select(t => new RouteTableState(
                t.RouteTableId,
                t.RouteTableName,
                t.Vpc.VpcId,
                t.Main,
                [.. t.Vpc.Subnets.Where(s => s.RouteTableId == t.RouteTableId).Select(s => s.SubnetId).Order(StringComparer.Ordinal)],
                [.. t.Routes.Select(r => new RouteState(r.RouteId, r.RouteItemId, r.DestinationCidrBlock, r.GatewayType, r.GatewayId,
                    r.RouteDescription, r.Enabled, r.RouteType, r.CreatedAt))]))],
        [.. store.Peerings.Select(p => new PeeringState(
            p.PeeringConnectionId,
            p.Name,
            p.State,
            p.Source.VpcId,
            p.Source.Owner.Name,
            p.Source.Owner.Uin,
            p.Source.Region,
            p.Destination.VpcId,
            p.Destination.Owner.Name,
            p.Destination.Owner.Uin,
            p.Destination.Region,
            p.Bandwidth,
            p.ChargeType,
            p.QosLevel,
            p.Type,
            [.. p.Tags.Select(t => new TagState(t.Key, t.Value))],
            p.CreatedAt,
            p.StateChangedAt))]);
}
