using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>How a repair of a peering ended, for both sides' channels. Identifiers and texts only.</summary>
/// <param name="Kind">One of <see cref="Contracts.RepairKinds"/>.</param>
/// <param name="Status">One of <see cref="Contracts.RepairStatus"/>.</param>
public sealed record RepairNotice(
    string PeeringId,
    string Name,
    string Kind,
    string Status,
    string PeeringConnectionId,
    string? InitiatorAccount,
    string? ReceiverAccount,
    string Message,
    IReadOnlyList<string> Done,
    IReadOnlyList<string> Reported,
    IReadOnlyList<string> Problems);

/// <summary>Tells both sides what a repair did. A courtesy, like the other notices: its failure never fails the repair.</summary>
public sealed class NotifyRepairActivity(IPeeringNotifier notifier, ILogger<NotifyRepairActivity> logger)
    : TaskActivity<RepairNotice, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RepairNotice input)
    {
        try
        {
            await notifier.NotifyRepairAsync(input, CancellationToken.None);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Notifying the repair of {PeeringId} failed: {Error}", input.PeeringId, error.Message);
            return false;
        }
    }
}
