namespace PeeringFunctions.Peerings.Acceptance;

/// <summary>An orchestration waiting for the receiver's decision on <see cref="PeeringConnectionId"/>.</summary>
public sealed record WaitingPeering(string InstanceId, string PeeringConnectionId, string InitiatorAccount, string InitiatorRegion);

/// <summary>What one tick did: how many it looked at, how many Tencent calls that took, what it raised, what failed.</summary>
public sealed record PollReport(int Waiting, int Groups, int TencentCalls, IReadOnlyList<string> Raised, IReadOnlyList<string> GroupErrors);
