using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>The read half of read-check-write for accept and reject, which Tencent answers with VpcPeerInvalidStateChange when repeated.</summary>
internal static class PeeringStateChange
{
    /// <param name="alsoSettled">A state that, read after the refusal, also means the change was made (e.g. PENDING after an accept: being activated).</param>
    public static async Task<string> ConfirmAsync(IVpcClient client, PeeringTarget input, string wanted, TencentCloudSDKException refusal, string? alsoSettled = null)
    {
        var peerings = await DescribePeeringsActivity.ReadAsync(
            client, new PeeringLookup(input.Account, input.Region, PeeringConnectionId: input.PeeringConnectionId));
        var state = peerings.FirstOrDefault()?.State;
        if (state == wanted || (state is not null && state == alsoSettled))
        {
            return state;
        }

        throw new TencentCallException(
            refusal.Action ?? "PeeringStateChange",
            refusal.Code,
            $"{input.PeeringConnectionId} is {state ?? "not visible"}, so it cannot become {wanted}.",
            refusal.RequestId);
    }
}
