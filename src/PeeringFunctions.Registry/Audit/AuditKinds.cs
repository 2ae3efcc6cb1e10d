namespace PeeringFunctions.Registry.Audit;

/// <summary>What an <see cref="AuditEntry"/> records.</summary>
public static class AuditKinds
{
    public const string RequestReceived = "request-received";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    /// <summary>A write to Tencent that went through, with its RequestId.</summary>
    public const string TencentWrite = "tencent-write";

    /// <summary>A write to Tencent that Tencent refused (or that failed on the way), with its RequestId when there is one.</summary>
    public const string TencentWriteFailed = "tencent-write-failed";

    /// <summary>The workflow recorded a step: the peering's state and how it got there (a failure names its reason).</summary>
    public const string StateRecorded = "state";

    public const string TeardownRequested = "teardown-requested";
    public const string RepairRequested = "repair-requested";
    public const string BandwidthChangeRequested = "bandwidth-change-requested";
    public const string Adopted = "adopted";
}
