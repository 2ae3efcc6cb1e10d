using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>Why an adoption changed nothing. Each maps to one HTTP status in the API.</summary>
public enum AdoptionRefusal
{
    /// <summary>The account is not configured here, or neither side of the peering is one of our accounts (403).</summary>
    NotOurs,

    /// <summary>The account does not see this pcx in this region: it does not exist, or it is someone else's (404).</summary>
    NotFound,

    /// <summary>A live registry record or a peering we requested already holds it or its VPC pair (409).</summary>
    AlreadyManaged,

    /// <summary>Tencent shows it in a state other than ACTIVE (409).</summary>
    NotActive,

    /// <summary>A managed side routes through it from more than one route table; the record holds one per side (422).</summary>
    SeveralRouteTables,

    /// <summary>Tencent could not be read (502); nothing was written.</summary>
    TencentFailed,
}

/// <param name="Record">The record written; null when refused.</param>
/// <param name="Id">The peering's id: the new record's, or the one that already holds it.</param>
/// <param name="Message">What was recorded, or why nothing was, in a sentence that says what to do.</param>
public sealed record AdoptionResult(RegisteredPeering? Record, AdoptionRefusal? Refusal, string? Id, string Message)
{
    public static AdoptionResult Refused(AdoptionRefusal refusal, string message, string? id = null) => new(null, refusal, id, message);
}
