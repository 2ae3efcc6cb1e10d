using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.ChatOps.Notifications;

/// <summary>
/// Chat notifications of a peering. Every method is a courtesy: it logs a failure and returns, never throws, so a
/// chat outage never fails a peering.
/// </summary>
public interface IPeeringChatNotifier : IPeeringNotifier
{
    /// <summary>Tells the initiator's channel how far the peering got.</summary>
    Task NotifyProgressAsync(PeeringProgressNotice notice, CancellationToken cancellationToken);

    /// <summary>Tells the initiator's channel (and a managed receiver's) how the peering ended.</summary>
    Task NotifyOutcomeAsync(PeeringOutcomeNotice notice, CancellationToken cancellationToken);
}
