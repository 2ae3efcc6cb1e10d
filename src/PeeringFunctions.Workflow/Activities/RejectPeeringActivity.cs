using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>RejectVpcPeeringConnection with the receiver's credentials; already REJECTED counts as done.</summary>
public sealed class RejectPeeringActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<PeeringTarget, string>(clients, audit)
{
    protected override async Task<string> ExecuteAsync(TaskActivityContext context, PeeringTarget input)
    {
        var client = Clients.Create(input.Account, input.Region);
        try
        {
            var response = await client.RejectVpcPeeringConnection(new RejectVpcPeeringConnectionRequest { PeeringConnectionId = input.PeeringConnectionId });
            await AuditWriteAsync(context, "RejectVpcPeeringConnection", input.Account, input.Region, response.RequestId, $"rejected peering {input.PeeringConnectionId}");
            return PeeringConnectionStates.Rejected;
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange)
        {
            return await PeeringStateChange.ConfirmAsync(client, input, PeeringConnectionStates.Rejected, error);
        }
    }
}
