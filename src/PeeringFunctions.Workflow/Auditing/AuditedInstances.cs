namespace PeeringFunctions.Workflow.Auditing;

/// <summary>
/// The peering an orchestration instance works on, read from its id: peering-…, peering-…-teardown, repair-peering-…,
/// bandwidth-peering-…. The shapes are made by PeeringFunctions.Peerings.PeeringInstanceIds (a test there checks that
/// these agree); activities read them here because the workflow does not reference that project.
/// </summary>
public static class AuditedInstances
{
    private const string TeardownSuffix = "-teardown";
    private static readonly string[] Prefixes = ["repair-", "bandwidth-"];

    public static string PeeringOf(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        foreach (var prefix in Prefixes)
        {
            if (instanceId.StartsWith(prefix + "peering-", StringComparison.Ordinal))
            {
                return instanceId[prefix.Length..];
            }
        }

        return instanceId.EndsWith(TeardownSuffix, StringComparison.Ordinal) ? instanceId[..^TeardownSuffix.Length] : instanceId;
    }
}
