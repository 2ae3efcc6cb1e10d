using Microsoft.DurableTask;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// How an orchestrator calls each activity: one typed method per activity, so the compiler checks the input and the
/// result against the activity class itself. Tencent calls carry <see cref="TencentRetry.Options"/>; the notices and
/// the UIN lookup never had retry options, and adding them now would change the history in-flight instances replay.
/// </summary>
public sealed class WorkflowActivities(TaskOrchestrationContext context)
{
    public Task<VpcFacts?> DescribeVpcAsync(VpcTarget vpc) =>
        Retried<DescribeVpcActivity, VpcTarget, VpcFacts?>(vpc);

    public Task<IReadOnlyList<RouteTableFacts>> DescribeRouteTablesAsync(VpcTarget vpc) =>
        Retried<DescribeRouteTablesActivity, VpcTarget, IReadOnlyList<RouteTableFacts>>(vpc);

    public Task<IReadOnlyList<PeeringFacts>> DescribePeeringsAsync(PeeringLookup lookup) =>
        Retried<DescribePeeringsActivity, PeeringLookup, IReadOnlyList<PeeringFacts>>(lookup);

    /// <summary>No retry options: a configuration lookup, not a Tencent call.</summary>
    public Task<string> ResolveUinAsync(string account) =>
        Once<ResolveUinActivity, string, string>(account);

    /// <summary>No retry options: a configuration lookup, not a Tencent call.</summary>
    public Task<TencentLimits> ResolveLimitsAsync() =>
        Once<ResolveLimitsActivity, object?, TencentLimits>(null);

    /// <summary>No retry options: a configuration lookup, not a Tencent call (from orchestration version 6.0).</summary>
    public Task<PreflightSettings> ResolvePreflightSettingsAsync(PreflightSettingsLookup lookup) =>
        Once<ResolvePreflightSettingsActivity, PreflightSettingsLookup, PreflightSettings>(lookup);

    public Task<PeeringFacts> CreatePeeringAsync(CreatePeeringInput request) =>
        Retried<CreatePeeringActivity, CreatePeeringInput, PeeringFacts>(request);

    /// <summary>No retry options: the notice is a courtesy that reports its own failure as false.</summary>
    public Task<bool> NotifyReceiverAsync(NotifyReceiverInput notice) =>
        Once<NotifyReceiverActivity, NotifyReceiverInput, bool>(notice);

    /// <summary>No retry options: the notice is a courtesy that reports its own failure as false.</summary>
    public Task<bool> NotifyTopologyConsentAsync(TopologyConsentNotice notice) =>
        Once<NotifyTopologyConsentActivity, TopologyConsentNotice, bool>(notice);

    /// <summary>No retry options: the notice is a courtesy that reports its own failure as false.</summary>
    public Task<bool> NotifyOutcomeAsync(PeeringOutcomeNotice notice) =>
        Once<NotifyOutcomeActivity, PeeringOutcomeNotice, bool>(notice);

    /// <summary>No retry options: the notice is a courtesy that reports its own failure as false.</summary>
    public Task<bool> NotifyTeardownAsync(TeardownNotice notice) =>
        Once<NotifyTeardownActivity, TeardownNotice, bool>(notice);

    /// <summary>No retry options: the activity reports its own failure as false (the registry mirrors; it never undoes).</summary>
    public Task<bool> RecordPeeringAsync(RegisteredPeering peering) =>
        Once<RecordPeeringActivity, RegisteredPeering, bool>(peering);

    /// <summary>No retry options, like <see cref="RecordPeeringAsync"/>.</summary>
    public Task<bool> RecordTeardownAsync(TeardownRecord teardown) =>
        Once<RecordTeardownActivity, TeardownRecord, bool>(teardown);

    public Task<string> AcceptPeeringAsync(PeeringTarget peering) =>
        Retried<AcceptPeeringActivity, PeeringTarget, string>(peering);

    public Task<string> RejectPeeringAsync(PeeringTarget peering) =>
        Retried<RejectPeeringActivity, PeeringTarget, string>(peering);

    public Task<bool> DeletePeeringAsync(PeeringTarget peering) =>
        Retried<DeletePeeringActivity, PeeringTarget, bool>(peering);

    public Task<bool> ModifyPeeringAsync(ModifyPeeringInput change) =>
        Retried<ModifyPeeringActivity, ModifyPeeringInput, bool>(change);

    public Task<CreateRoutesResult> CreateRoutesAsync(CreateRoutesInput routes) =>
        Retried<CreateRoutesActivity, CreateRoutesInput, CreateRoutesResult>(routes);

    public Task<int> DeleteRoutesAsync(DeleteRoutesInput routes) =>
        Retried<DeleteRoutesActivity, DeleteRoutesInput, int>(routes);

    public Task<int> EnableRoutesAsync(EnableRoutesInput routes) =>
        Retried<EnableRoutesActivity, EnableRoutesInput, int>(routes);

    /// <summary>No retry options, like <see cref="RecordPeeringAsync"/>: the activity reports its own failure as false.</summary>
    public Task<bool> RecordRepairAsync(RepairRecord repair) =>
        Once<RecordRepairActivity, RepairRecord, bool>(repair);

    /// <summary>No retry options: the notice is a courtesy that reports its own failure as false.</summary>
    public Task<bool> NotifyRepairAsync(RepairNotice notice) =>
        Once<NotifyRepairActivity, RepairNotice, bool>(notice);

    public Task<string> AssociateSubnetAsync(AssociateSubnetInput association) =>
        Retried<AssociateSubnetActivity, AssociateSubnetInput, string>(association);

    // The activity's name is its class name, as WorkflowRegistration registers it (AddActivity<T>).
    private Task<TOutput> Retried<TActivity, TInput, TOutput>(TInput input)
        where TActivity : TaskActivity<TInput, TOutput> =>
        context.CallActivityAsync<TOutput>(typeof(TActivity).Name, input, TencentRetry.Options);

    private Task<TOutput> Once<TActivity, TInput, TOutput>(TInput input)
        where TActivity : TaskActivity<TInput, TOutput> =>
        context.CallActivityAsync<TOutput>(typeof(TActivity).Name, input);
}
