using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// Changes a live cross-region peering's bandwidth cap as the operator would in the console: read the peering as
/// Tencent shows it (it must exist, be ACTIVE and join two regions), change it (the activity skips a peering already
/// at the wanted bandwidth), and read it back. The answer is the bandwidth Tencent reports afterwards, not the one asked for.
/// </summary>
public sealed class BandwidthChangeOrchestrator : TaskOrchestrator<BandwidthChangeRequest, BandwidthChangeOutcome>
{
    public override async Task<BandwidthChangeOutcome> RunAsync(TaskOrchestrationContext context, BandwidthChangeRequest request)
    {
        var activities = new WorkflowActivities(context);
        var pcx = request.PeeringConnectionId;
        var lookup = new PeeringLookup(request.Account, request.Region, PeeringConnectionId: pcx);
        void Report(string step) => context.SetCustomStatus(new BandwidthChangeProgress(step, pcx, request.BandwidthMbps));

        // 1. Read: Tencent's word on the peering, which may have changed since our record of it.
        Report(BandwidthChangeSteps.Reading);
        var before = (await activities.DescribePeeringsAsync(lookup)).FirstOrDefault();
        if (RefusalOf(before, pcx) is { } refusal)
        {
            return End(BandwidthChangeStatus.Refused, before?.Bandwidth, refusal);
        }

        // 2. Change, with the initiator's credentials.
        Report(BandwidthChangeSteps.Changing);
        bool modified;
        try
        {
            modified = await activities.ModifyPeeringAsync(new ModifyPeeringInput(request.Account, request.Region, pcx, request.BandwidthMbps));
        }
        catch (TaskFailedException failure)
        {
            var reason = failure.FailureDetails.ErrorMessage;
            return End(BandwidthChangeStatus.Failed, before!.Bandwidth, $"Tencent refused the change: {reason}", TencentCallException.CodeOf(reason));
        }

        // 3. Read back: what Tencent reports now is the answer.
        Report(BandwidthChangeSteps.ReadingBack);
        var after = (await activities.DescribePeeringsAsync(lookup)).FirstOrDefault();
        if (after?.Bandwidth != request.BandwidthMbps)
        {
            return End(BandwidthChangeStatus.Failed, after?.Bandwidth,
                $"After the change Tencent reports {Describe(after?.Bandwidth)} for {pcx}, not the {request.BandwidthMbps} Mbps asked for.");
        }

        return modified
            ? End(BandwidthChangeStatus.Changed, after.Bandwidth, $"{pcx} now has a bandwidth cap of {after.Bandwidth} Mbps (it was {Describe(before!.Bandwidth)}).")
            : End(BandwidthChangeStatus.Unchanged, after.Bandwidth, $"{pcx} already had a bandwidth cap of {after.Bandwidth} Mbps; nothing was changed.");

        BandwidthChangeOutcome End(string status, long? bandwidth, string message, string? code = null)
        {
            Report(BandwidthChangeSteps.Completed);
            return new BandwidthChangeOutcome(status, pcx, request.BandwidthMbps, bandwidth, message, code);
        }
    }

    /// <summary>Why Tencent's view of the peering forbids the change, or null when it allows it.</summary>
    private static string? RefusalOf(PeeringFacts? peering, string pcx) => peering switch
    {
        null or { State: PeeringConnectionStates.Deleted } => $"{pcx} no longer exists on Tencent; nothing was changed.",
        { State: not PeeringConnectionStates.Active } => $"{pcx} is {peering.State} on Tencent, and only an ACTIVE peering's bandwidth can change; nothing was changed.",
        _ when peering.IsIntraRegion() => $"{pcx} joins two VPCs in {peering.SourceRegion}: an intra-region peering has no bandwidth cap to change; nothing was changed.",
        _ => null,
    };

    private static string Describe(long? bandwidth) => bandwidth is { } mbps ? $"{mbps} Mbps" : "no bandwidth";
}
