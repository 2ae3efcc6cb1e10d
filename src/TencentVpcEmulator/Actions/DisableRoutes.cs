namespace TencentVpcEmulator.Actions;

/// <summary>DisableRoutes: turns routes off without deleting them.</summary>
internal sealed class DisableRoutes : RouteSwitch
{
    public override string Name => "DisableRoutes";

    protected override bool Enable => false;

    protected override bool RefusesRepeatedIds => false;
}
