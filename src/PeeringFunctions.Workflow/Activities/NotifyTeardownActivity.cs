using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>How a teardown ended, for both sides' channels. Identifiers and texts only.</summary>
/// <param name="RequestedBy">Who asked for the teardown.</param>
/// <param name="InitiatorAccount">Null when the initiator is an external account (an adopted peering).</param>
/// <param name="ExternalReceiverAction">What the external side must remove on its own side, when one side is external.</param>
public sealed record TeardownNotice(
    string PeeringId,
    string Name,
    string PeeringConnectionId,
    string? InitiatorAccount,
    string? ReceiverAccount,
    string? ReceiverUin,
    string Status,
    string? RequestedBy,
    string Message,
    string? ExternalReceiverAction);

/// <summary>Tells both sides a teardown ended. A courtesy, like the other notices: it never fails the teardown.</summary>
public sealed class NotifyTeardownActivity(IPeeringNotifier notifier, ILogger<NotifyTeardownActivity> logger)
    : TaskActivity<TeardownNotice, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, TeardownNotice input)
    {
        try
        {
            await notifier.NotifyTeardownAsync(input, CancellationToken.None);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Notifying both sides of the teardown of {PeeringId} failed: {Error}", input.PeeringId, error.Message);
            return false;
        }
    }
}
