namespace TencentVpcEmulator.Actions;

/// <summary>The emulated actions by name (case-sensitive, as Tencent's X-TC-Action is).</summary>
internal sealed class ActionRegistry
{
    private readonly Dictionary<string, ActionHandler> _handlers;

    public ActionRegistry()
    {
        ActionHandler[] all =
        [
            new CreateVpcPeeringConnection(),
            new AcceptVpcPeeringConnection(),
            new RejectVpcPeeringConnection(),
            new DeleteVpcPeeringConnection(),
            new ModifyVpcPeeringConnection(),
            new DescribeVpcPeeringConnections(),
            new CreateRoutes(),
            new DeleteRoutes(),
            new ReplaceRoutes(),
            new EnableRoutes(),
            new DisableRoutes(),
            new DescribeRouteTables(),
            new ReplaceRouteTableAssociation(),
            new DescribeSubnets(),
            new DescribeVpcs(),
        ];
        _handlers = all.ToDictionary(h => h.Name, StringComparer.Ordinal);
    }

    public IEnumerable<ActionHandler> All => _handlers.Values;

    public bool TryGet(string name, out ActionHandler handler) => _handlers.TryGetValue(name, out handler!);
}
