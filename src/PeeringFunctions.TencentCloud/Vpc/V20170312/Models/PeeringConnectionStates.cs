namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Values of <see cref="PeerConnection.State"/>.</summary>
public static class PeeringConnectionStates
{
    /// <summary>Created, waiting for the receiver (expires after 7 days).</summary>
    public const string Pending = "PENDING";
    public const string Active = "ACTIVE";
    public const string Rejected = "REJECTED";
    public const string Deleted = "DELETED";
    public const string Failed = "FAILED";
    public const string Expired = "EXPIRED";

    /// <summary>Isolated for arrears.</summary>
    public const string Isolated = "ISOLATED";
}
