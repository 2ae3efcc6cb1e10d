using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>How a peering ended, for the initiator's channel. Identifiers and texts only.</summary>
public sealed record PeeringOutcomeNotice(
    string InstanceId,
    string Name,
    string InitiatorAccount,
    string? ReceiverAccount,
    string? ReceiverUin,
    string Status,
    string? PeeringConnectionId,
    string Message);

/// <summary>Tells the initiator the outcome. Like the receiver's notice, a courtesy that never fails the peering.</summary>
public sealed class NotifyOutcomeActivity(IPeeringNotifier notifier, ILogger<NotifyOutcomeActivity> logger)
    : TaskActivity<PeeringOutcomeNotice, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PeeringOutcomeNotice input)
    {
        try
        {
            await notifier.NotifyOutcomeAsync(input, CancellationToken.None);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Notifying the initiator of {InstanceId}'s outcome failed: {Error}", input.InstanceId, error.Message);
            return false;
        }
    }
}
