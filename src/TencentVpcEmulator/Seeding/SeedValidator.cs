using System.Diagnostics.CodeAnalysis;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator;

/// <summary>Consistency checks run at load, so a bad seed fails at start-up with a message naming the entry.</summary>
internal static class SeedValidator
{
    public static void Validate(EmulatorSeed seed, string source)
    {
        if (seed.Accounts is null || seed.Accounts.Count == 0)
        {
            Fail(source, "accounts", "at least one account is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var uins = new HashSet<long>();
        var secretIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seed.Accounts!.Count; i++)
        {
            var a = seed.Accounts[i];
            var where = $"accounts[{i}] ('{a?.Name}')";
            if (a is null) { Fail(source, where, "entry is null"); }
            if (string.IsNullOrWhiteSpace(a!.Name)) { Fail(source, where, "name is missing"); }
            if (!names.Add(a.Name)) { Fail(source, where, "duplicate account name"); }
            if (a.Uin <= 0) { Fail(source, where, "uin must be a positive integer"); }
            if (!uins.Add(a.Uin)) { Fail(source, where, $"duplicate uin {a.Uin}"); }
            if (a.AppId <= 0) { Fail(source, where, "appId must be a positive integer"); }
            if (string.IsNullOrWhiteSpace(a.SecretId) || a.SecretId.Trim() != a.SecretId) { Fail(source, where, "secretId is missing or has surrounding whitespace"); }
            if (!secretIds.Add(a.SecretId)) { Fail(source, where, "duplicate secretId"); }
            if (string.IsNullOrWhiteSpace(a.SecretKey) || a.SecretKey.Trim() != a.SecretKey) { Fail(source, where, "secretKey is missing or has surrounding whitespace"); }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (seed.Vpcs?.Count ?? 0); i++)
        {
            ValidateVpc(seed.Vpcs![i], $"vpcs[{i}] ('{seed.Vpcs[i]?.VpcId}')", names, ids, source);
        }
    }

    private static void ValidateVpc(SeedVpc? vpc, string where, HashSet<string> accounts, HashSet<string> ids, string source)
    {
        if (vpc is null) { Fail(source, where, "entry is null"); }
        if (!accounts.Contains(vpc!.Account)) { Fail(source, where, $"account '{vpc.Account}' is not declared in accounts"); }
        if (!RegionCodes.IsKnown(vpc.Region)) { Fail(source, where, $"region '{vpc.Region}' is not a known region (e.g. ap-guangzhou)"); }
        RequireId(IdFormat.Vpc, vpc.VpcId, where, "vpcId", ids, source);
        if (!Cidr.TryParse(vpc.CidrBlock, out _)) { Fail(source, where, $"cidrBlock '{vpc.CidrBlock}' is not an IPv4 CIDR"); }

        var vpcBlocks = new List<string> { vpc.CidrBlock };
        foreach (var assistant in vpc.AssistantCidrs ?? [])
        {
            if (!Cidr.TryParse(assistant, out _)) { Fail(source, where, $"assistant CIDR '{assistant}' is not an IPv4 CIDR"); }
            if (vpcBlocks.Any(b => Cidr.Overlaps(b, assistant))) { Fail(source, where, $"assistant CIDR '{assistant}' overlaps another CIDR of the VPC"); }
            vpcBlocks.Add(assistant);
        }

        var tables = vpc.RouteTables ?? [];
        if (tables.Count == 0) { Fail(source, where, "at least one route table is required"); }
        if (tables.Count(t => t?.Main == true) != 1) { Fail(source, where, "exactly one route table must have main: true"); }

        var tableIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var tableWhere = $"{where} routeTables '{table?.RouteTableId}'";
            if (table is null) { Fail(source, tableWhere, "entry is null"); }
            RequireId(IdFormat.RouteTable, table!.RouteTableId, tableWhere, "routeTableId", ids, source);
            tableIds.Add(table.RouteTableId);
            foreach (var route in table.Routes ?? [])
            {
                var routeWhere = $"{tableWhere} route '{route?.DestinationCidrBlock}'";
                if (route is null) { Fail(source, routeWhere, "entry is null"); }
                if (!Cidr.TryParse(route!.DestinationCidrBlock, out _)) { Fail(source, routeWhere, "destinationCidrBlock is not an IPv4 CIDR"); }
                if (!GatewayTypes.Creatable.Contains(route.GatewayType)) { Fail(source, routeWhere, $"gatewayType '{route.GatewayType}' is not a known next-hop type"); }
                if (string.IsNullOrWhiteSpace(route.GatewayId)) { Fail(source, routeWhere, "gatewayId is missing"); }
                if (route.RouteItemId is not null) { RequireId(IdFormat.RouteItem, route.RouteItemId, routeWhere, "routeItemId", ids, source); }
            }
        }

        var subnetBlocks = new List<string>();
        foreach (var subnet in vpc.Subnets ?? [])
        {
            var subnetWhere = $"{where} subnets '{subnet?.SubnetId}'";
            if (subnet is null) { Fail(source, subnetWhere, "entry is null"); }
            RequireId(IdFormat.Subnet, subnet!.SubnetId, subnetWhere, "subnetId", ids, source);
            if (!Cidr.TryParse(subnet.CidrBlock, out _)) { Fail(source, subnetWhere, $"cidrBlock '{subnet.CidrBlock}' is not an IPv4 CIDR"); }
            if (!vpcBlocks.Any(b => Cidr.Contains(b, subnet.CidrBlock))) { Fail(source, subnetWhere, $"cidrBlock '{subnet.CidrBlock}' is not inside the VPC's CIDR blocks"); }
            if (subnetBlocks.Any(b => Cidr.Overlaps(b, subnet.CidrBlock))) { Fail(source, subnetWhere, $"cidrBlock '{subnet.CidrBlock}' overlaps another subnet"); }
            subnetBlocks.Add(subnet.CidrBlock);
            if (string.IsNullOrWhiteSpace(subnet.Zone) || !subnet.Zone.StartsWith(vpc.Region + "-", StringComparison.Ordinal))
            {
                Fail(source, subnetWhere, $"zone '{subnet.Zone}' must be a zone of {vpc.Region} (e.g. {vpc.Region}-3)");
            }

            if (!tableIds.Contains(subnet.RouteTableId)) { Fail(source, subnetWhere, $"routeTableId '{subnet.RouteTableId}' is not a route table of this VPC"); }
        }
    }

    private static void RequireId(string prefix, string id, string where, string field, HashSet<string> ids, string source)
    {
        if (!IdFormat.IsValid(prefix, id)) { Fail(source, where, $"{field} '{id}' must be '{prefix}-' followed by 8 lower-case letters or digits"); }
        if (!ids.Add(id)) { Fail(source, where, $"{field} '{id}' is used twice"); }
    }

    [DoesNotReturn]
    private static void Fail(string source, string where, string problem) =>
        throw new SeedValidationException($"{source}: {where}: {problem}.");
}
