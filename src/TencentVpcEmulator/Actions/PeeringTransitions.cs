using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>Shared rules for the receiver's answer to a pending request (Accept / Reject).</summary>
internal static class PeeringTransitions
{
    public static void ReceiverAnswers(ActionContext c, string newState)
    {
        var peering = Lookup.Peering(c, c.Parameters.GetString("PeeringConnectionId"), "PeeringConnectionId");

        // Only the receiver (DestinationUin) may answer; for a same-account peering that is the same account.
        if (peering.Destination.Owner.Uin != c.Caller.Uin)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerPurviewError,
                $"This account cannot perform this operation on `{peering.PeeringConnectionId}`: only the receiving account can.");
        }

        if (peering.State != PeeringStates.Pending)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange,
                $"The peering connection `{peering.PeeringConnectionId}` is {peering.State}; only a PENDING one can change to {newState}.");
        }

        peering.State = newState;
        peering.StateChangedAt = c.Now;
    }
}
