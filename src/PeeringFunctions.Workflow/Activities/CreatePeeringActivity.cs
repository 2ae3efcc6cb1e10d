using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// CreateVpcPeeringConnection with the initiator's credentials. Tencent has no idempotency token, so a retry after a
/// lost reply meets VpcPeerAlreadyExist: the peering is then found by its VPC pair and returned, never duplicated.
/// The pair's live peering found that way may also be a request made elsewhere (by the receiver, say) that pre-flight
/// could not recognise, because Tencent names no peer VPC for a cross-account request still PENDING.
/// </summary>
public sealed class CreatePeeringActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<CreatePeeringInput, PeeringFacts>(clients, audit)
{
    /// <summary>The tag keys the peering carries: who manages it, and the request (orchestration instance) that made it.</summary>
    public const string ManagedByTag = "managed-by";

    public const string RequestTag = "peering-request";

    public const string ManagedByValue = "PeeringFunctions";

    protected override async Task<PeeringFacts> ExecuteAsync(TaskActivityContext context, CreatePeeringInput input)
    {
        var client = Clients.Create(input.Account, input.Region);
        string? createdId = null;
        string? refusalRequestId = null;
        try
        {
            var response = await client.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
            {
                SourceVpcId = input.SourceVpcId,
                PeeringConnectionName = input.Name,
                DestinationVpcId = input.DestinationVpcId,
                DestinationUin = input.DestinationUin,
                DestinationRegion = input.DestinationRegion,
                Bandwidth = input.BandwidthMbps,
                ChargeType = input.ChargeType,
                Type = "VPC_PEER",
                // Seen in the console and by anyone listing peerings: what manages it and which request made it.
                Tags = [new Tag { Key = ManagedByTag, Value = ManagedByValue }, new Tag { Key = RequestTag, Value = context.InstanceId }],
            });
            createdId = response.PeeringConnectionId;
            await AuditWriteAsync(context, "CreateVpcPeeringConnection", input.Account, input.Region, response.RequestId,
                $"requested peering {createdId} \"{input.Name}\" from {input.SourceVpcId} to {input.DestinationVpcId} ({input.DestinationRegion}, uin {input.DestinationUin})" +
                (input.BandwidthMbps is { } mbps ? $", {mbps} Mbps" : ""));
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.UnsupportedOperationVpcPeerAlreadyExist)
        {
            // Our own earlier attempt (reply lost), or a request made elsewhere meanwhile: look it up below.
            refusalRequestId = error.RequestId;
        }

        // Same-account peerings are ACTIVE at once, cross-account ones PENDING; read back only when it matters.
        var sameAccount = Clients.UinOf(input.Account) == input.DestinationUin;
        if (createdId is not null && !sameAccount)
        {
            return new PeeringFacts(createdId, input.Name, input.SourceVpcId, input.DestinationVpcId, PeeringConnectionStates.Pending, null, null);
        }

        var found = createdId is null
            ? await DescribePeeringsActivity.FindLiveOfPairAsync(client, input.Account, input.Region, input.SourceVpcId, input.DestinationVpcId)
            : await DescribePeeringsActivity.FindLiveByIdAsync(client, input.Account, input.Region, createdId) is { } ours
                ? ours with { DestinationVpcId = input.DestinationVpcId } // we asked for it: its peer is ours to name
                : null;
        if (found is not null && createdId is null)
        {
            // The write that made it left no reply we saw: the trail says what was found instead, under the refusal's RequestId.
            await AuditWriteAsync(context, "CreateVpcPeeringConnection", input.Account, input.Region, refusalRequestId,
                $"found peering {found.PeeringConnectionId} ({found.State}) from {input.SourceVpcId} to {input.DestinationVpcId} already requested " +
                "(VpcPeerAlreadyExist: an earlier attempt whose reply was lost, or a request made elsewhere); using it");
        }

        return found ?? throw new TencentCallException(
            "CreateVpcPeeringConnection",
            TencentErrorCodes.UnsupportedOperationVpcPeerAlreadyExist,
            $"Tencent reports a peering between {input.SourceVpcId} and {input.DestinationVpcId} but none is visible to {input.Account}.",
            null);
    }
}
