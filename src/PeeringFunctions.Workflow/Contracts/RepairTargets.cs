using PeeringFunctions.Registry;

namespace PeeringFunctions.Workflow.Contracts;

/// <summary>Which side's route table a finding is repaired on: where the use case puts the work and the repair checks it off.</summary>
public static class RepairTargets
{
    /// <summary>
    /// A CIDR finding names the side whose VPC gained or lost the CIDR; the route to it lives on the other side's table.
    /// Every other finding names the side it is repaired on (its table's route, its subnet).
    /// </summary>
    public static string SideOf(DriftFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Kind is DriftKinds.CidrAdded or DriftKinds.CidrRemoved ? Other(finding.Side) : finding.Side;
    }

    public static string Other(string side) => side == FindingSides.Initiator ? FindingSides.Receiver : FindingSides.Initiator;
}
