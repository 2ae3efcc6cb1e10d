using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// ModifyVpcPeeringConnection of the bandwidth cap, with the initiator's credentials. Read-check-write: a peering that
/// Tencent already shows at the wanted bandwidth (our earlier attempt whose reply was lost, or someone in the console)
/// is left alone, so a retry never writes twice.
/// </summary>
public sealed class ModifyPeeringActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<ModifyPeeringInput, bool>(clients, audit)
{
    /// <returns>True when this call sent the change, false when Tencent already reported the wanted bandwidth.</returns>
    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ModifyPeeringInput input)
    {
        var client = Clients.Create(input.Account, input.Region);
        var current = (await DescribePeeringsActivity.ReadAsync(
            client, new PeeringLookup(input.Account, input.Region, PeeringConnectionId: input.PeeringConnectionId))).FirstOrDefault();
        if (current is null)
        {
            throw new TencentCallException(
                "ModifyVpcPeeringConnection",
                TencentErrorCodes.ResourceNotFound,
                $"{input.PeeringConnectionId} is not visible to {input.Account} in {input.Region}.",
                null);
        }

        if (current.Bandwidth == input.BandwidthMbps)
        {
            return false;
        }

        var response = await client.ModifyVpcPeeringConnection(new ModifyVpcPeeringConnectionRequest
        {
            PeeringConnectionId = input.PeeringConnectionId,
            Bandwidth = input.BandwidthMbps,
        });
        await AuditWriteAsync(context, "ModifyVpcPeeringConnection", input.Account, input.Region, response.RequestId,
            $"changed the bandwidth of {input.PeeringConnectionId} from {current.Bandwidth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} to {input.BandwidthMbps} Mbps");
        return true;
    }
}
