using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Accounts;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>DeleteVpcPeeringConnection (either side may delete). "Not found" is success: the peering is gone either way.</summary>
public sealed class DeletePeeringActivity(ITencentClientFactory clients) : TencentActivity<PeeringTarget, bool>(clients)
{
    /// <returns>True when this call deleted it, false when it was already gone.</returns>
    protected override async Task<bool> ExecuteAsync(PeeringTarget input)
    {
        var client = Clients.Create(input.Account, input.Region);
        try
        {
            await client.DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = input.PeeringConnectionId });
            return true;
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
        {
            return false;
        }
    }
}
