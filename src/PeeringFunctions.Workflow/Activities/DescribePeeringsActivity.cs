using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Reads;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>DescribeVpcPeeringConnections, by VPC or by id, every page.</summary>
public sealed class DescribePeeringsActivity(ITencentClientFactory clients)
    : TencentActivity<PeeringLookup, IReadOnlyList<PeeringFacts>>(clients)
{
    protected override async Task<IReadOnlyList<PeeringFacts>> ExecuteAsync(PeeringLookup input)
    {
        var client = Clients.Create(input.Account, input.Region);
        return await ReadAsync(client, input);
    }

    internal static Task<IReadOnlyList<PeeringFacts>> ReadAsync(
        TencentCloud.Vpc.V20170312.IVpcClient client, PeeringLookup input) =>
        PreflightReads.PeeringsAsync(client, input.VpcId, input.PeeringConnectionId);

    /// <summary>The peering with this id if it is live (PENDING or ACTIVE), or null; no VPC needs to be named for that.</summary>
    internal static async Task<PeeringFacts?> FindLiveByIdAsync(TencentCloud.Vpc.V20170312.IVpcClient client, string account, string region, string id) =>
        (await ReadAsync(client, new PeeringLookup(account, region, PeeringConnectionId: id)))
            .FirstOrDefault(p => p.IsLive && p.PeeringConnectionId == id);

    /// <summary>
    /// The live peering between <paramref name="ownVpc"/> (the client's account and region) and <paramref name="peerVpc"/>,
    /// or null; the facts returned name both VPCs. Tencent names no peer VPC for a cross-account request still PENDING,
    /// so among the peerings listed for <paramref name="ownVpc"/>: one naming both VPCs, or a request from
    /// <paramref name="peerVpc"/> (listed for <paramref name="ownVpc"/>, so that is its other end). A request from
    /// <paramref name="ownVpc"/> that names no peer is never guessed at: it is ours only if listing the peerings of
    /// <paramref name="peerVpc"/> shows it too (the vpc-id filter works on what Tencent knows, not on what it prints).
    /// </summary>
    internal static async Task<PeeringFacts?> FindLiveOfPairAsync(
        TencentCloud.Vpc.V20170312.IVpcClient client, string account, string region, string ownVpc, string peerVpc)
    {
        var listed = (await ReadAsync(client, new PeeringLookup(account, region, VpcId: ownVpc))).Where(p => p.IsLive).ToList();
        var named = listed.FirstOrDefault(p => p.Joins(ownVpc, peerVpc) || (p.NamesNoPeerVpc() && p.SourceVpcId == peerVpc));
        if (named is not null)
        {
            return WithBothEnds(named, ownVpc, peerVpc);
        }

        var unnamed = listed.Where(p => p.NamesNoPeerVpc() && p.SourceVpcId == ownVpc).ToList();
        if (unnamed.Count == 0)
        {
            return null;
        }

        var ofPeer = (await ReadAsync(client, new PeeringLookup(account, region, VpcId: peerVpc))).Select(p => p.PeeringConnectionId).ToHashSet(StringComparer.Ordinal);
        return unnamed.FirstOrDefault(p => ofPeer.Contains(p.PeeringConnectionId)) is { } confirmed ? WithBothEnds(confirmed, ownVpc, peerVpc) : null;
    }

    private static PeeringFacts WithBothEnds(PeeringFacts peering, string ownVpc, string peerVpc) =>
        peering.NamesNoPeerVpc() ? peering with { DestinationVpcId = peering.SourceVpcId == ownVpc ? peerVpc : ownVpc } : peering;
}
