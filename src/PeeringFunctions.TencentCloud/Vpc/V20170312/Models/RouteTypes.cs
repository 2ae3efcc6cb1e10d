namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Values of <see cref="Route.RouteType"/>.</summary>
public static class RouteTypes
{
    /// <summary>A user route: the only kind that can be created or deleted through the API.</summary>
    public const string User = "USER";

    /// <summary>Network-detection route (system).</summary>
    public const string Netd = "NETD";

    /// <summary>Route learned from CCN (system).</summary>
    public const string Ccn = "CCN";
}
