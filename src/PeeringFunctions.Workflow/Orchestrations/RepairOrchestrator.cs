using Microsoft.DurableTask;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// Repairs a registered peering as a person would: read each managed side's tables again (the findings may be a tick
/// old), decide what still needs doing (a destination now routed elsewhere is reported, never overridden; new routes
/// pass pre-flight's checks), then both sides in parallel with the idempotent activities — routes created, enabled or
/// removed, subnets moved — then the result into the registry and a notice to both sides. One repair per peering at a
/// time (its instance id); every step may run again.
/// </summary>
public sealed class RepairOrchestrator : TaskOrchestrator<RepairRequest, RepairOutcome>
{
    public override async Task<RepairOutcome> RunAsync(TaskOrchestrationContext context, RepairRequest request)
    {
        var activities = new WorkflowActivities(context);
        var pcx = request.PeeringConnectionId;
        void Report(string step, string message) => context.SetCustomStatus(new RepairProgress(step, message));

        // 1. Read again, both sides at once: the tables (and for new routes the VPC and the quotas, for pre-flight).
        Report(RepairSteps.Checking, $"Reading the route tables of {pcx}'s managed sides.");
        var mayCreate = request.Sides.Any(s => s.RoutesToCreate.Count + s.RoutesToEnable.Count > 0);
        SideRepairPlan[] plans;
        try
        {
            var limits = mayCreate ? await activities.ResolveLimitsAsync() : null;
            plans = await Task.WhenAll(request.Sides.Select(side => PlanAsync(activities, side, pcx, limits)));
        }
        catch (TaskFailedException error)
        {
            // Nothing was changed yet. Still recorded and told, or the record would stay Repairing: no repair would
            // start on its own again and no teardown would be allowed.
            var problem = $"could not read the sides before repairing: {error.FailureDetails.ErrorMessage}";
            return await EndAsync(context, activities, request, new RepairOutcome(
                RepairStatus.Failed, request.Kind, pcx, $"{FailedWhat(request)} failed: {problem} Nothing was changed.", [], [], [problem], []));
        }

        RepairOutcome outcome;
        if (request.Kind == RepairKinds.ExtendRoutes && plans.Any(p => p.Problems.Count > 0))
        {
            // Pre-flight refused: nothing is changed on either side.
            var problems = plans.SelectMany(p => p.Problems).ToList();
            outcome = new RepairOutcome(RepairStatus.Refused, request.Kind, pcx, $"Routes not extended: {string.Join(" ", problems)}",
                [], [.. plans.SelectMany(p => p.Reported)], problems, []);
        }
        else
        {
            // 2. Repair, both sides in parallel.
            Report(RepairSteps.Repairing, Describe(request));
            var results = await Task.WhenAll(plans.Select(plan => RepairSideAsync(activities, request, plan)));
            outcome = OutcomeOf(request, plans, results);
        }

        return await EndAsync(context, activities, request, outcome);
    }

    /// <summary>3. The registry keeps what was done (and what still is wrong); both sides hear of it.</summary>
    private static async Task<RepairOutcome> EndAsync(
        TaskOrchestrationContext context, WorkflowActivities activities, RepairRequest request, RepairOutcome outcome)
    {
        context.SetCustomStatus(new RepairProgress(RepairSteps.Recording, outcome.Message));
        var at = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        await activities.RecordRepairAsync(new RepairRecord(
            request.PeeringId, request.Kind, outcome.Message, at, FixedBy(request, outcome), EventsOf(request, outcome, at), outcome.Sides));
        await activities.NotifyRepairAsync(new RepairNotice(
            request.PeeringId, request.Name, request.Kind, outcome.Status, request.PeeringConnectionId, request.InitiatorAccount, request.ReceiverAccount,
            outcome.Message, outcome.Done, outcome.Reported, outcome.Problems));

        context.SetCustomStatus(new RepairProgress(RepairSteps.Completed, outcome.Message));
        return outcome;
    }

    private static string FailedWhat(RepairRequest request) => request.Kind == RepairKinds.ExtendRoutes ? "Extending routes" : "Repair";

    private static async Task<SideRepairPlan> PlanAsync(WorkflowActivities activities, SideRepair side, string pcx, TencentLimits? limits)
    {
        var target = new VpcTarget(side.Account, side.Region, side.VpcId);
        var creates = side.RoutesToCreate.Count + side.RoutesToEnable.Count > 0;
        var vpcRead = creates ? activities.DescribeVpcAsync(target) : Task.FromResult<VpcFacts?>(null);
        var tablesRead = activities.DescribeRouteTablesAsync(target);
        await Task.WhenAll(vpcRead, tablesRead);
        return RepairPlanner.Plan(side, pcx, await tablesRead, await vpcRead, limits);
    }

    /// <summary>The side's calls, side by side; a failed one is reported, never allowed to stop the others.</summary>
    private static async Task<SideResult> RepairSideAsync(WorkflowActivities activities, RepairRequest request, SideRepairPlan plan)
    {
        var side = plan.Side;
        var pcx = request.PeeringConnectionId;
        var result = new SideResult(side.Side);
        var who = side.Account;
        var work = new List<Task>();
        if (plan.Create.Count > 0)
        {
            work.Add(Attempt(result, plan.Create, async () =>
            {
                var created = await activities.CreateRoutesAsync(new CreateRoutesInput(
                    side.Account, side.Region, side.RouteTableId, pcx, plan.Create, $"peering {request.Name}"));
                result.Created.AddRange(created.Created.Select(r => new CreatedRoute(r.DestinationCidrBlock, r.RouteItemId)));
                var verb = request.Kind == RepairKinds.ExtendRoutes ? "added" : "re-created";
                return plan.Create.Select(d => $"{verb} the route to {d} in {side.RouteTableId} ({who})");
            }));
        }

        if (plan.Enable.Count > 0)
        {
            work.Add(Attempt(result, plan.Enable, async () =>
            {
                await activities.EnableRoutesAsync(new EnableRoutesInput(side.Account, side.Region, side.RouteTableId, pcx, plan.Enable));
                return plan.Enable.Select(d => $"re-enabled the route to {d} in {side.RouteTableId} ({who})");
            }));
        }

        if (plan.Remove.Count > 0)
        {
            work.Add(Attempt(result, plan.Remove, async () =>
            {
                await activities.DeleteRoutesAsync(new DeleteRoutesInput(side.Account, side.Region, side.RouteTableId, pcx, plan.KeepRouteItemIds));
                result.Removed.AddRange(plan.Remove);
                return plan.Remove.Select(d => $"removed the route to {d} via {pcx} from {side.RouteTableId} ({who})");
            }));
        }

        work.AddRange(plan.Moves.Select(move => Attempt(result, [move.SubnetId], async () =>
        {
            await activities.AssociateSubnetAsync(new AssociateSubnetInput(side.Account, side.Region, move.SubnetId, move.ToRouteTableId));
            return [$"moved subnet {move.SubnetId} back to {move.ToRouteTableId} ({who})"];
        })));

        await Task.WhenAll(work);
        return result;
    }

    private static async Task Attempt(SideResult result, IReadOnlyList<string> subjects, Func<Task<IEnumerable<string>>> call)
    {
        try
        {
            var done = await call();
            result.Done.AddRange(done);
            result.Settled.AddRange(subjects);
        }
        catch (TaskFailedException error)
        {
            result.Problems.Add($"could not repair {string.Join(", ", subjects)} on the {result.Side}'s side: {error.FailureDetails.ErrorMessage}");
        }
    }

    private static RepairOutcome OutcomeOf(RepairRequest request, IReadOnlyList<SideRepairPlan> plans, IReadOnlyList<SideResult> results)
    {
        var done = results.SelectMany(r => r.Done).ToList();
        var reported = plans.SelectMany(p => p.Reported).ToList();
        var problems = plans.SelectMany(p => p.Problems).Concat(results.SelectMany(r => r.Problems)).ToList();
        var status = problems.Count == 0 ? RepairStatus.Repaired : RepairStatus.Failed;
        var what = request.Kind switch
        {
            RepairKinds.PeerDeletedCleanup => $"Cleaned up after the peer deleted {request.PeeringConnectionId}",
            RepairKinds.ExtendRoutes => "Routes extended",
            _ => "Repaired",
        };
        var message = status == RepairStatus.Repaired
            ? $"{what}: {(done.Count > 0 ? string.Join("; ", done) : reported.Count > 0 ? "nothing was put back" : "everything was already in place")}."
            : $"{FailedWhat(request)} failed: {string.Join(" ", problems)}" +
              (done.Count == 0 ? "" : $" Done: {string.Join("; ", done)}.");
        if (reported.Count > 0)
        {
            message += $" Left as they are: {string.Join("; ", reported)}.";
        }

        var sides = results.Zip(plans, (r, p) => new SideRepairResult(r.Side, [.. r.Created], [.. r.Removed], [.. p.InPlace.Concat(r.Settled)])).ToList();
        return new RepairOutcome(status, request.Kind, request.PeeringConnectionId, message, done, reported, problems, sides);
    }

    /// <summary>The findings this repair settled: PeeringGone by the cleanup itself, others by their subject settled on the side it is repaired on.</summary>
    private static IReadOnlyList<string> FixedBy(RepairRequest request, RepairOutcome outcome) =>
        outcome.Status == RepairStatus.Refused || outcome.Sides.Count == 0 // refused, or it could not even read
            ? []
            :
            [
                .. request.Fixes.Where(f => f.Kind == DriftKinds.PeeringGone
                    || outcome.Sides.Any(s => s.Side == RepairTargets.SideOf(f) && s.Settled.Contains(f.Subject))).Select(f => f.Key),
            ];

    private static IReadOnlyList<HealthEvent> EventsOf(RepairRequest request, RepairOutcome outcome, DateTimeOffset at)
    {
        var events = new List<HealthEvent>
        {
            new(at, outcome.Status == RepairStatus.Repaired ? HealthEventKinds.Repaired : HealthEventKinds.RepairFailed, outcome.Message),
        };
        var reported = request.Reported.Select(f => f.Description).Concat(outcome.Reported).ToList();
        if (reported.Count > 0)
        {
            events.Add(new HealthEvent(at, HealthEventKinds.Reported, $"Not repaired, on purpose: {string.Join("; ", reported)}."));
        }

        return events;
    }

    private static string Describe(RepairRequest request) => request.Kind switch
    {
        RepairKinds.PeerDeletedCleanup => $"Removing our routes to {request.PeeringConnectionId} and restoring the subnets.",
        RepairKinds.ExtendRoutes => $"Adding routes through {request.PeeringConnectionId} for the peer's new CIDR.",
        _ => $"Putting back routes and subnet associations of {request.PeeringConnectionId}.",
    };

    private sealed class SideResult(string side)
    {
        public string Side { get; } = side;
        public List<string> Done { get; } = [];
        public List<string> Problems { get; } = [];
        public List<string> Settled { get; } = [];
        public List<CreatedRoute> Created { get; } = [];
        public List<string> Removed { get; } = [];
    }
}
