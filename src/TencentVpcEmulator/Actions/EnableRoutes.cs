namespace TencentVpcEmulator.Actions;

/// <summary>EnableRoutes: turns routes back on.</summary>
internal sealed class EnableRoutes : RouteSwitch
{
    public override string Name => "EnableRoutes";

    protected override bool Enable => true;

    protected override bool RefusesRepeatedIds => true;
}
