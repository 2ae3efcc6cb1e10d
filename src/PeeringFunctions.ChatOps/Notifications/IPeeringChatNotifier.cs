using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.ChatOps.Notifications;

/// <summary>
/// Chat notifications of a peering: the receiver's decision request and the outcome (<see cref="IPeeringNotifier"/>),
/// plus progress. Every method is a courtesy: it logs a failure and returns, never throws, so a chat outage never
/// fails a peering.
/// </summary>
public interface IPeeringChatNotifier : IPeeringNotifier
{
    /// <summary>Tells the initiator's channel how far the peering got.</summary>
    Task NotifyProgressAsync(PeeringProgressNotice notice, CancellationToken cancellationToken);
}
