namespace PeeringFunctions.Peerings.Repairs;

/// <summary>A repair started (<paramref name="RepairId"/>), or why none was (<paramref name="Refusal"/>, in a sentence; nothing was written).</summary>
public sealed record RepairStartResult(string? RepairId, string? Refusal)
{
    public static RepairStartResult Refused(string reason) => new(null, reason);
}
