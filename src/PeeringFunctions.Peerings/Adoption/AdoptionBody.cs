namespace PeeringFunctions.Peerings.Adoption;

/// <summary>The JSON of <c>POST /api/peerings/adopt</c>: which existing peering to manage, as one of our accounts sees it.</summary>
public sealed class AdoptionBody
{
    /// <summary>Required: a configured account that is one side of the peering.</summary>
    public string? Account { get; set; }

    /// <summary>Required: that account's side's region (long name), where Tencent shows it the peering.</summary>
    public string? Region { get; set; }

    /// <summary>Required: pcx-xxxxxxxx.</summary>
    public string? PeeringConnectionId { get; set; }

    /// <summary>repair (default) or notify: what the watcher does about drift.</summary>
    public string? RepairPolicy { get; set; }
}
