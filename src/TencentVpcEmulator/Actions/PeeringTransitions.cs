using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>Shared rules for the receiver's answer to a pending request (Accept / Reject).</summary>
internal static class PeeringTransitions
{
    /// <summary>
    /// Accept starts the activation task: instant within a region by default, a while across regions, and it may end
    /// FAILED. Until then the peering reads PENDING and a second answer is refused like any answer to a decided request.
    /// </summary>
    public static void Accept(ActionContext c)
    {
        var peering = Answerable(c, PeeringStates.Active);
        var (delay, fails) = c.Activation.Plan(peering.Source.Region, peering.Destination.Region);
        if (delay > TimeSpan.Zero)
        {
            c.Store.StartActivation(peering, c.Now + delay, fails);
            return;
        }

        peering.State = fails ? PeeringStates.Failed : PeeringStates.Active;
        peering.StateChangedAt = c.Now;
    }

    public static void Reject(ActionContext c)
    {
        var peering = Answerable(c, PeeringStates.Rejected);
        peering.State = PeeringStates.Rejected;
        peering.StateChangedAt = c.Now;
    }

    private static PeeringRecord Answerable(ActionContext c, string newState)
    {
        var peering = Lookup.Peering(c, c.Parameters.GetString("PeeringConnectionId"), "PeeringConnectionId");

        // Only the receiver (DestinationUin) may answer; for a same-account peering that is the same account.
        if (peering.Destination.Owner.Uin != c.Caller.Uin)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerPurviewError,
                $"This account cannot perform this operation on `{peering.PeeringConnectionId}`: only the receiving account can.");
        }

        if (peering.IsActivating)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange,
                $"The peering connection `{peering.PeeringConnectionId}` was accepted and is being activated; it cannot change to {newState}.");
        }

        if (peering.State != PeeringStates.Pending)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange,
                $"The peering connection `{peering.PeeringConnectionId}` is {peering.State}; only a PENDING one can change to {newState}.");
        }

        return peering;
    }
}
