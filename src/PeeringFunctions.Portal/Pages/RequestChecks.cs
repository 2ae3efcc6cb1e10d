using System.Globalization;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// What the form handler checks before anything is started: that each choice is one the app can see, that the two
/// VPCs do not overlap (primary and assistant CIDRs, as pre-flight would find), and that route tables and subnets
/// belong to the chosen VPCs. Then the request goes through the API's own validator.
/// </summary>
internal static class RequestChecks
{
    public static (PeeringRequestBody? Body, IReadOnlyList<FormError> Errors) Check(RequestForm form, Inventory inventory, Func<string, bool> isManaged)
    {
        var errors = new List<FormError>();
        var initiator = Resolve(form.InitiatorVpc, "initiatorVpc", "your VPC", inventory, isManaged, errors);
        var receiver = Resolve(form.ReceiverVpc, "receiverVpc", "the peer VPC", inventory, isManaged, errors);

        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors.Add(new FormError("name", "Give the peering a name."));
        }

        if (initiator is not null && receiver is not null)
        {
            if (initiator.Vpc.VpcId == receiver.Vpc.VpcId && initiator.Vpc.Region == receiver.Vpc.Region)
            {
                errors.Add(new FormError("receiverVpc", "Choose two different VPCs: a VPC cannot peer with itself."));
            }
            else
            {
                foreach (var overlap in Overlaps(initiator.Vpc, receiver.Vpc))
                {
                    errors.Add(new FormError("receiverVpc", overlap));
                }
            }
        }

        var initiatorTable = Table(form.InitiatorRouteTable, initiator, "initiatorRouteTable", errors);
        var receiverTable = Table(form.ReceiverRouteTable, receiver, "receiverRouteTable", errors);
        Subnets(form.InitiatorSubnets, initiator, "initiatorSubnets", errors);
        Subnets(form.ReceiverSubnets, receiver, "receiverSubnets", errors);

        long? bandwidth = null;
        if (form.BandwidthMbps is { } text)
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                bandwidth = value;
            }
            else
            {
                errors.Add(new FormError("bandwidthMbps", "The bandwidth cap is a whole number of Mbps, or empty."));
            }
        }

        if (form.AcceptanceTimeout is { } timeout && !RequestPage.Timeouts.Any(t => t.Value == timeout))
        {
            errors.Add(new FormError("acceptanceTimeout", "Choose one of the listed times."));
        }

        if (form.RepairPolicy is { } policy && !RequestPage.DriftChoices.Any(c => c.Value == policy))
        {
            errors.Add(new FormError("repairPolicy", "Choose one of the listed answers to drift."));
        }

        if (errors.Count > 0 || initiator is null || receiver is null)
        {
            return (null, errors);
        }

        var body = new PeeringRequestBody
        {
            Name = form.Name,
            Initiator = new SideBody
            {
                Account = initiator.Vpc.Account,
                Region = initiator.Vpc.Region,
                VpcId = initiator.Vpc.VpcId,
                RouteTableId = initiatorTable,
                SubnetIds = form.InitiatorSubnets.Count > 0 ? [.. form.InitiatorSubnets] : null,
            },
            Receiver = new SideBody
            {
                Account = receiver.Vpc.Account,
                Region = receiver.Vpc.Region,
                VpcId = receiver.Vpc.VpcId,
                RouteTableId = receiverTable,
                SubnetIds = form.ReceiverSubnets.Count > 0 ? [.. form.ReceiverSubnets] : null,
            },
            AcceptanceTimeout = form.AcceptanceTimeout ?? "P2D",
            BandwidthMbps = bandwidth,
            RepairPolicy = form.RepairPolicy,
        };
        return (body, errors);
    }

    /// <summary>Every pair of overlapping CIDRs, as a sentence; Tencent refuses to peer overlapping VPCs.</summary>
    public static IEnumerable<string> Overlaps(VpcInfo a, VpcInfo b) =>
        from x in a.AllCidrs
        from y in b.AllCidrs
        where Cidr.Overlaps(x, y)
        select $"{b.VpcId}'s CIDR {y} overlaps {a.VpcId}'s CIDR {x}: Tencent refuses to peer VPCs whose addresses overlap. Choose another VPC.";

    /// <summary>An API validation problem, attached to the form control it is about.</summary>
    public static FormError ToFormError(FieldProblem problem)
    {
        var field = problem.Field switch
        {
            "name" => "name",
            "bandwidthMbps" or "chargeType" => "bandwidthMbps",
            "acceptanceTimeout" => "acceptanceTimeout",
            "repairPolicy" => "repairPolicy",
            var f when f.StartsWith("initiator.routeTableId", StringComparison.Ordinal) => "initiatorRouteTable",
            var f when f.StartsWith("receiver.routeTableId", StringComparison.Ordinal) => "receiverRouteTable",
            var f when f.StartsWith("initiator.subnetIds", StringComparison.Ordinal) => "initiatorSubnets",
            var f when f.StartsWith("receiver.subnetIds", StringComparison.Ordinal) => "receiverSubnets",
            var f when f.StartsWith("receiver", StringComparison.Ordinal) => "receiverVpc",
            _ => "initiatorVpc",
        };
        var label = problem.Field switch
        {
            "name" => "The name",
            "bandwidthMbps" => "The bandwidth cap",
            "acceptanceTimeout" => "The time to decide",
            var f => f,
        };
        return new FormError(field, $"{label} {problem.Rule}.");
    }

    private static VpcInventory? Resolve(string? key, string field, string what, Inventory inventory, Func<string, bool> isManaged, List<FormError> errors)
    {
        if (RequestPage.ParseKey(key) is not { } parsed)
        {
            errors.Add(new FormError(field, $"Choose {what}."));
            return null;
        }

        var (account, region, vpcId) = parsed;

        var vpc = isManaged(account) ? inventory.Find(account, region, vpcId) : null;
        if (vpc is null)
        {
            errors.Add(new FormError(field, $"Choose {what} from the list: {vpcId} is not a VPC the app can see."));
        }

        return vpc;
    }

    private static string? Table(string? chosen, VpcInventory? vpc, string field, List<FormError> errors)
    {
        if (chosen is null || vpc is null)
        {
            return null;
        }

        if (vpc.RouteTables.All(t => t.RouteTableId != chosen))
        {
            errors.Add(new FormError(field, $"Route table {chosen} is not in {vpc.Vpc.VpcId}; choose one of that VPC's tables."));
            return null;
        }

        return chosen;
    }

    private static void Subnets(IReadOnlyList<string> chosen, VpcInventory? vpc, string field, List<FormError> errors)
    {
        if (vpc is null)
        {
            return;
        }

        foreach (var subnet in chosen.Where(s => vpc.Subnets.All(known => known.SubnetId != s)))
        {
            errors.Add(new FormError(field, $"Subnet {subnet} is not in {vpc.Vpc.VpcId}; tick only that VPC's subnets."));
        }
    }
}
