using System.Text.RegularExpressions;
using System.Xml;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Peerings.Requests;

/// <summary>
/// Turns a request body into a <see cref="PeeringRequest"/>, or into the list of fields and rules it breaks.
/// Only checks that need no Tencent call live here; the rest is pre-flight's job inside the workflow.
/// </summary>
public static partial class PeeringRequestValidator
{
    private const int MaxNameLength = 60;
    private const int MaxSubnets = 20;
    private const int MaxDestinations = 20;
    internal static readonly string[] ChargeTypes = ["POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95"];

    /// <summary>The request carries no <see cref="PeeringRequest.RequestedBy"/>: the adapter sets it from what it knows of the caller.</summary>
    public static (PeeringRequest? Request, IReadOnlyList<FieldProblem> Problems) Validate(
        PeeringRequestBody body, Func<string, bool> isManagedAccount)
    {
        var problems = new List<FieldProblem>();
        void Fail(string field, string rule) => problems.Add(new FieldProblem(field, rule));

        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            Fail("name", "is required");
        }
        else if (name.Length > MaxNameLength)
        {
            Fail("name", $"must be at most {MaxNameLength} characters");
        }
        else if (name.EnumerateRunes().Any(PeeringNames.IsInvisible))
        {
            Fail("name", "may not contain invisible characters (zero-width, filler, byte-order or direction marks)");
        }
        else if (!name.All(PeeringNames.IsPlainCharacter))
        {
            // Rejects control characters, symbols and markup; letters of any script are fine.
            Fail("name", "may contain only letters, digits, spaces, '-', '_' and '.'");
        }
        else if (PeeringNames.FindMixedScriptWord(name) is { } word)
        {
            Fail("name", $"has a word that mixes Latin, Greek or Cyrillic letters ('{Shorten(word)}'), so it can pass for another name");
        }

        var initiator = ValidateSide(body.Initiator, "initiator", isManagedAccount, Fail, allowExternal: false);
        var receiver = ValidateSide(body.Receiver, "receiver", isManagedAccount, Fail, allowExternal: true);

        if (initiator is not null && receiver is not null && initiator.VpcId == receiver.VpcId)
        {
            Fail("receiver.vpcId", "must differ from initiator.vpcId (a VPC cannot peer with itself)");
        }

        if (initiator is not null && body.Receiver is { Uin: not null, Account: null } && initiator.DestinationCidrs is not { Count: > 0 })
        {
            Fail("initiator.destinationCidrs", "is required when the receiver is external (its VPC cannot be read)");
        }

        if (body.BandwidthMbps is { } bandwidth && bandwidth is < 1 or > TencentLimits.MaxCrossRegionBandwidthMbps)
        {
            Fail("bandwidthMbps", $"must be between 1 and {TencentLimits.MaxCrossRegionBandwidthMbps}");
        }
        else if (body.BandwidthMbps is null && initiator is not null && receiver is not null && initiator.Region != receiver.Region)
        {
            // Tencent refuses a peering across regions without a cap; asking now beats a refusal after pre-flight.
            Fail("bandwidthMbps", $"is required for a peering across regions ({initiator.Region} to {receiver.Region}): " +
                $"1 to {TencentLimits.MaxCrossRegionBandwidthMbps} Mbps");
        }

        if (body.ChargeType is { } chargeType && !ChargeTypes.Contains(chargeType, StringComparer.Ordinal))
        {
            Fail("chargeType", $"must be one of {string.Join(", ", ChargeTypes)}");
        }

        TimeSpan? timeout = null;
        if (body.AcceptanceTimeout is { } timeoutText)
        {
            timeout = ParseDuration(timeoutText);
            if (timeout is null)
            {
                Fail("acceptanceTimeout", "must be an ISO 8601 duration such as P2D or PT12H");
            }
            else if (timeout < TimeSpan.FromMinutes(1) || timeout > PeeringRequest.MaximumAcceptanceTimeout)
            {
                Fail("acceptanceTimeout", "must be between PT1M and P7D (Tencent expires requests after 7 days)");
            }
        }

        if (body.RepairPolicy is { } policy && !RepairPolicies.IsKnown(policy))
        {
            Fail("repairPolicy", $"must be one of {string.Join(", ", RepairPolicies.All)} (what the watcher does about drift; default {RepairPolicies.Repair})");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var crossRegion = body.BandwidthMbps is null && body.ChargeType is null
            ? null
            : new CrossRegionOptions(body.BandwidthMbps, body.ChargeType);
        return (new PeeringRequest(
            name!, initiator!, receiver!, crossRegion, timeout, body.KeepPartialWorkOnFailure ?? false,
            RepairPolicy: body.RepairPolicy ?? RepairPolicies.Repair), problems);
    }

    internal static PeeringSide? ValidateSide(
        SideBody? side, string prefix, Func<string, bool> isManagedAccount, Action<string, string> fail, bool allowExternal)
    {
        if (side is null)
        {
            fail(prefix, "is required");
            return null;
        }

        var failed = false;
        void Fail(string field, string rule)
        {
            failed = true;
            fail($"{prefix}.{field}", rule);
        }

        if (side.Account is null && side.Uin is null)
        {
            Fail("account", allowExternal ? "is required (or uin, for an external receiver)" : "is required");
        }
        else if (side.Account is not null && side.Uin is not null)
        {
            Fail("uin", "cannot be given together with account");
        }
        else if (side.Account is not null && !isManagedAccount(side.Account))
        {
            Fail("account", $"'{Shorten(side.Account)}' is not a configured account");
        }
        else if (side.Uin is not null && !allowExternal)
        {
            Fail("uin", "is not allowed: the initiator must be a managed account");
        }
        else if (side.Uin is not null && !UinPattern().IsMatch(side.Uin))
        {
            Fail("uin", "must be a Tencent account UIN (5 to 20 digits)");
        }

        if (string.IsNullOrEmpty(side.Region))
        {
            Fail("region", "is required");
        }
        else if (!TencentRegions.IsKnownLongName(side.Region))
        {
            // Checked against the list, not a pattern: an unknown or oversized region would reach Tencent's front door.
            Fail("region", "must be a known Tencent region such as ap-guangzhou (long name, lower case)");
        }

        CheckId(side.VpcId, "vpc", "vpcId", required: true, Fail);
        CheckId(side.RouteTableId, "rtb", "routeTableId", required: false, Fail);

        var subnets = side.SubnetIds ?? [];
        if (subnets.Count > MaxSubnets)
        {
            Fail("subnetIds", $"may list at most {MaxSubnets} subnets");
        }

        for (var i = 0; i < subnets.Count; i++)
        {
            CheckId(subnets[i], "subnet", $"subnetIds[{i}]", required: true, Fail);
        }

        if (subnets.Distinct(StringComparer.Ordinal).Count() != subnets.Count)
        {
            Fail("subnetIds", "must not repeat a subnet");
        }

        var cidrs = side.DestinationCidrs ?? [];
        if (cidrs.Count > MaxDestinations)
        {
            Fail("destinationCidrs", $"may list at most {MaxDestinations} CIDRs");
        }

        for (var i = 0; i < cidrs.Count; i++)
        {
            if (!Cidr.IsValid(cidrs[i]))
            {
                Fail($"destinationCidrs[{i}]", "must be an IPv4 CIDR with its host bits zero, such as 10.1.0.0/16");
            }
        }

        for (var i = 0; i < cidrs.Count; i++)
        {
            for (var j = i + 1; j < cidrs.Count; j++)
            {
                if (Cidr.Overlaps(cidrs[i], cidrs[j]))
                {
                    Fail($"destinationCidrs[{j}]", $"overlaps destinationCidrs[{i}]");
                }
            }
        }

        if (side.Uin is not null && (side.RouteTableId is not null || subnets.Count > 0 || cidrs.Count > 0))
        {
            Fail("uin", "an external receiver configures its own side: routeTableId, subnetIds and destinationCidrs are not allowed");
        }

        return failed
            ? null
            : new PeeringSide(side.Region!, side.VpcId!, side.Account, side.Uin, side.RouteTableId, subnets, cidrs.Count > 0 ? cidrs : null);
    }

    private static void CheckId(string? id, string prefix, string field, bool required, Action<string, string> fail)
    {
        if (id is null)
        {
            if (required)
            {
                fail(field, "is required");
            }
        }
        else if (!IdPattern().IsMatch(id) || !id.StartsWith(prefix + "-", StringComparison.Ordinal))
        {
            fail(field, $"must look like {prefix}-xxxxxxxx (8 lower-case letters or digits)");
        }
    }

    internal static TimeSpan? ParseDuration(string text)
    {
        try
        {
            // XmlConvert forgives surrounding whitespace; the API does not (docs/openapi.yaml: strict input).
            return DurationPattern().IsMatch(text) ? XmlConvert.ToTimeSpan(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^P[0-9YMDTHS.]+\\z")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[a-z]+-[a-z0-9]{8}\\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{5,20}\\z")]
    private static partial Regex UinPattern();
}
