namespace PeeringFunctions.Peerings.Adoption;

/// <summary>A checked adoption: <paramref name="Account"/> is configured, the rest well-formed.</summary>
public sealed record AdoptionRequest(string Account, string Region, string PeeringConnectionId, string RepairPolicy);
