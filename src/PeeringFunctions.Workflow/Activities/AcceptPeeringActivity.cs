using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// AcceptVpcPeeringConnection with the receiver's credentials (in the receiver VPC's region). If Tencent says the
/// state cannot change, a read decides: already ACTIVE (accepted elsewhere, or our reply was lost) is success, and so
/// is PENDING — the receiver may answer a pending request, so a refused answer means it was accepted and Tencent is
/// still activating it (cross-region accept is asynchronous). Returns the state read, or ACTIVE when the accept went through;
/// the orchestrator reads on until ACTIVE.
/// </summary>
public sealed class AcceptPeeringActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<PeeringTarget, string>(clients, audit)
{
    protected override async Task<string> ExecuteAsync(TaskActivityContext context, PeeringTarget input)
    {
        var client = Clients.Create(input.Account, input.Region);
        try
        {
            var response = await client.AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = input.PeeringConnectionId });
            await AuditWriteAsync(context, "AcceptVpcPeeringConnection", input.Account, input.Region, response.RequestId, $"accepted peering {input.PeeringConnectionId}");
            return PeeringConnectionStates.Active;
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange)
        {
            return await PeeringStateChange.ConfirmAsync(client, input, PeeringConnectionStates.Active, error, alsoSettled: PeeringConnectionStates.Pending);
        }
    }
}
