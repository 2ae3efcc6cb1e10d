namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Documented values of <see cref="CreateVpcPeeringConnectionRequest.Type"/> (Describe may return others, e.g. <c>VPC0</c>).</summary>
public static class PeeringConnectionTypes
{
    /// <summary>VPC to VPC.</summary>
    public const string VpcPeer = "VPC_PEER";

    /// <summary>VPC to bare-metal network.</summary>
    public const string VpcBmPeer = "VPC_BM_PEER";
}
