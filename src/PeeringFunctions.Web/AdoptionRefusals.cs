using Microsoft.AspNetCore.Http;
using PeeringFunctions.Peerings.Adoption;

namespace PeeringFunctions.Web;

/// <summary>Why an adoption recorded nothing, as HTTP says it: one status and title per refusal, for the API and the portal alike.</summary>
public static class AdoptionRefusals
{
    public static (int Status, string Title) HttpOf(AdoptionRefusal? refusal) => refusal switch
    {
        AdoptionRefusal.NotOurs => (StatusCodes.Status403Forbidden, "Not a peering of our accounts."),
        AdoptionRefusal.NotFound => (StatusCodes.Status404NotFound, "No such peering connection."),
        AdoptionRefusal.AlreadyManaged => (StatusCodes.Status409Conflict, "This peering is already managed."),
        AdoptionRefusal.NotActive => (StatusCodes.Status409Conflict, "Only an ACTIVE peering can be adopted."),
        AdoptionRefusal.SeveralRouteTables => (StatusCodes.Status422UnprocessableEntity, "The peering's routes are in several route tables."),
        _ => (StatusCodes.Status502BadGateway, "Tencent could not be read."),
    };
}
