using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// DeleteVpcPeeringConnection (either side may delete). "Not found" is success: the peering is gone either way.
/// Without an id, the live peering of the given VPC pair is deleted (the request whose create reply was lost).
/// </summary>
public sealed class DeletePeeringActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<PeeringTarget, bool>(clients, audit)
{
    /// <returns>True when this call deleted it, false when it was already gone.</returns>
    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, PeeringTarget input)
    {
        var client = Clients.Create(input.Account, input.Region);
        var peeringConnectionId = input.PeeringConnectionId;
        if (peeringConnectionId.Length == 0 && input is { SourceVpcId: { } source, DestinationVpcId: { } destination })
        {
            var live = await DescribePeeringsActivity.FindLiveOfPairAsync(client, input.Account, input.Region, source, destination);
            if (live is null)
            {
                return false;
            }

            peeringConnectionId = live.PeeringConnectionId;
        }

        try
        {
            var response = await client.DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = peeringConnectionId });
            await AuditWriteAsync(context, "DeleteVpcPeeringConnection", input.Account, input.Region, response.RequestId, $"deleted peering {peeringConnectionId}");
            return true;
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
        {
            return false;
        }
    }
}
