using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>One receiving account's single notice for a topology: every pair it is asked to accept. Identifiers only.</summary>
/// <param name="Pairs">Each pair in words, e.g. "alpha/ap-guangzhou/vpc-alpha001 → beta/ap-guangzhou/vpc-beta0001".</param>
public sealed record TopologyConsentNotice(
    string TopologyId,
    string Name,
    string Account,
    IReadOnlyList<string> Pairs,
    DateTime Deadline);

/// <summary>Asks one receiving account for its consent to a topology. A courtesy, like the peering's notice: it never fails the topology.</summary>
public sealed class NotifyTopologyConsentActivity(IPeeringNotifier notifier, ILogger<NotifyTopologyConsentActivity> logger)
    : TaskActivity<TopologyConsentNotice, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, TopologyConsentNotice input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await notifier.NotifyTopologyConsentAsync(input, CancellationToken.None);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Asking {Account} to consent to topology {TopologyId} failed: {Error}", input.Account, input.TopologyId, error.Message);
            return false;
        }
    }
}
