using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>Tells the receiver a peering waits for its decision, and where to give it.</summary>
public interface IPeeringNotifier
{
    Task NotifyReceiverAsync(NotifyReceiverInput notice, CancellationToken cancellationToken);

    /// <summary>Tells the initiator how the peering ended. Optional: a notifier without channels does nothing.</summary>
    Task NotifyOutcomeAsync(PeeringOutcomeNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether an outcome notice for this account goes anywhere: when neither side's does, a run (from orchestration
    /// version 6.0) schedules no NotifyOutcomeActivity. True unless a notifier knows better.
    /// </summary>
    bool DeliversOutcomeTo(string account) => true;

    /// <summary>Tells both sides what a repair of their peering did. Optional, like the outcome.</summary>
    Task NotifyRepairAsync(RepairNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tells both sides a teardown ended, and an external receiver what to remove itself. Optional, like the outcome.</summary>
    Task NotifyTeardownAsync(TeardownNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tells both sides what the watcher newly found on a peering (once per finding). Optional, like the outcome.</summary>
    Task NotifyDriftAsync(PeeringDriftNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tells the initiator an instance of its peering is stuck in a step (once per step). Optional, like the outcome.</summary>
    Task NotifyStuckAsync(StuckInstanceNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks a receiving account, once, to consent to all its pairs of a topology. Optional, like the outcome.</summary>
    Task NotifyTopologyConsentAsync(TopologyConsentNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The default when no chat channel is configured: a log line, nothing else.</summary>
public sealed class LoggingPeeringNotifier(ILogger<LoggingPeeringNotifier> logger) : IPeeringNotifier
{
    /// <summary>No channel: the orchestration logs how a run ended itself, without an activity for the log line.</summary>
    public bool DeliversOutcomeTo(string account) => false;

    public Task NotifyOutcomeAsync(PeeringOutcomeNotice notice, CancellationToken cancellationToken)
    {
        logger.LogInformation("Peering {InstanceId} ({Name}) of {Initiator} ended {Status}: {Message}",
            notice.InstanceId, notice.Name, notice.InitiatorAccount, notice.Status, notice.Message);
        return Task.CompletedTask;
    }

    public Task NotifyRepairAsync(RepairNotice notice, CancellationToken cancellationToken)
    {
        logger.LogInformation("Repair ({Kind}) of {PeeringId} ({Name}) ended {Status}: {Message}",
            notice.Kind, notice.PeeringId, notice.Name, notice.Status, notice.Message);
        return Task.CompletedTask;
    }

    public Task NotifyTeardownAsync(TeardownNotice notice, CancellationToken cancellationToken)
    {
        logger.LogInformation("Teardown of {PeeringId} ({PeeringConnectionId}) asked by {RequestedBy} ended {Status}: {Message}",
            notice.PeeringId, notice.PeeringConnectionId, notice.RequestedBy ?? "someone unnamed", notice.Status, notice.Message);
        return Task.CompletedTask;
    }

    public Task NotifyDriftAsync(PeeringDriftNotice notice, CancellationToken cancellationToken)
    {
        foreach (var finding in notice.Findings)
        {
            logger.LogInformation("Peering {InstanceId} ({Name}) drifted: {Finding}", notice.InstanceId, notice.Name, finding.Description);
        }

        return Task.CompletedTask;
    }

    public Task NotifyStuckAsync(StuckInstanceNotice notice, CancellationToken cancellationToken)
    {
        logger.LogInformation("Peering {PeeringId} ({Name}) of {Initiator}: {InstanceId} is stuck in {Step} since {Since:u} ({Limit})",
            notice.PeeringId, notice.Name, notice.InitiatorAccount, notice.InstanceId, notice.Step, notice.Since, notice.Limit);
        return Task.CompletedTask;
    }

    public Task NotifyTopologyConsentAsync(TopologyConsentNotice notice, CancellationToken cancellationToken)
    {
        logger.LogInformation("Topology {TopologyId} ({Name}) asks {Account} to accept {Pairs} peering(s) until {Deadline:u}",
            notice.TopologyId, notice.Name, notice.Account, notice.Pairs.Count, notice.Deadline);
        return Task.CompletedTask;
    }

    public Task NotifyReceiverAsync(NotifyReceiverInput notice, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Peering {PeeringConnectionId} ({Name}) from {Initiator} waits for {Receiver} until {Deadline:u}",
            notice.PeeringConnectionId, notice.Name, notice.InitiatorAccount, notice.ReceiverAccount ?? notice.ReceiverUin, notice.AcceptanceDeadline);
        return Task.CompletedTask;
    }
}

/// <summary>Notifies the receiver. A notification is a courtesy: its failure must never fail the peering.</summary>
public sealed class NotifyReceiverActivity(IPeeringNotifier notifier, ILogger<NotifyReceiverActivity> logger)
    : TaskActivity<NotifyReceiverInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, NotifyReceiverInput input)
    {
        try
        {
            await notifier.NotifyReceiverAsync(input, CancellationToken.None);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Notifying the receiver of {PeeringConnectionId} failed: {Error}", input.PeeringConnectionId, error.Message);
            return false;
        }
    }
}
