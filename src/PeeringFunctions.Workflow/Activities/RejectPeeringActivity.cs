using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>RejectVpcPeeringConnection with the receiver's credentials; already REJECTED counts as done.</summary>
public sealed class RejectPeeringActivity(ITencentClientFactory clients) : TencentActivity<PeeringTarget, string>(clients)
{
    protected override async Task<string> ExecuteAsync(PeeringTarget input)
    {
        var client = Clients.Create(input.Account, input.Region);
        try
        {
            await client.RejectVpcPeeringConnection(new RejectVpcPeeringConnectionRequest { PeeringConnectionId = input.PeeringConnectionId });
            return PeeringConnectionStates.Rejected;
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange)
        {
            return await PeeringStateChange.ConfirmAsync(client, input, PeeringConnectionStates.Rejected, error);
        }
    }
}
