using System.Text.RegularExpressions;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>
/// The shape of an adoption body, every field checked and each problem named. Whether the account is one of ours is
/// not a shape question: <see cref="PeeringAdoption.AdoptAsync"/> refuses that as forbidden.
/// </summary>
public static partial class AdoptionValidator
{
    public static (AdoptionRequest? Request, IReadOnlyList<FieldProblem> Problems) Validate(AdoptionBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(body.Account))
        {
            problems.Add(new("account", "is required: the configured account that is a side of the peering"));
        }
        else if (body.Account.Length > 64)
        {
            problems.Add(new("account", "must be at most 64 characters"));
        }

        if (string.IsNullOrEmpty(body.Region))
        {
            problems.Add(new("region", "is required: the region in which that account's side of the peering is"));
        }
        else if (!TencentRegions.IsKnownLongName(body.Region))
        {
            problems.Add(new("region", "must be a known Tencent region such as ap-guangzhou (long name, lower case)"));
        }

        if (string.IsNullOrEmpty(body.PeeringConnectionId))
        {
            problems.Add(new("peeringConnectionId", "is required"));
        }
        else if (!PeeringConnectionIdPattern().IsMatch(body.PeeringConnectionId))
        {
            problems.Add(new("peeringConnectionId", "must look like pcx-xxxxxxxx (8 lower-case letters or digits)"));
        }

        var policy = body.RepairPolicy ?? RepairPolicies.Repair;
        if (!RepairPolicies.IsKnown(policy))
        {
            problems.Add(new("repairPolicy", $"must be one of {string.Join(", ", RepairPolicies.All)} (default {RepairPolicies.Repair})"));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new AdoptionRequest(body.Account!.Trim(), body.Region!, body.PeeringConnectionId!, policy), problems);
    }

    [GeneratedRegex("^pcx-[a-z0-9]{8}\\z")]
    private static partial Regex PeeringConnectionIdPattern();
}
