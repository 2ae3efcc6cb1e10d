using System.Globalization;
using System.Text.Json.Nodes;
using TencentVpcEmulator;

namespace PeeringFunctions.FaultCampaign.Tests.Support;

/// <summary>One generated VPC pair: its request body and what the emulator must show once it is ACTIVE.</summary>
internal sealed record CampaignPair(
    int Index,
    string InitiatorAccount,
    string ReceiverAccount,
    string InitiatorVpc,
    string ReceiverVpc,
    string InitiatorTable,
    string ReceiverTable,
    string InitiatorSubnet,
    string ReceiverSubnet,
    string InitiatorCidr,
    string ReceiverCidr,
    bool CrossRegion)
{
    public bool SameAccount => InitiatorAccount == ReceiverAccount;

    public JsonObject Body() => PeeringRequests.Peering(
        $"campaign {Index:D3}",
        PeeringRequests.Side(InitiatorAccount, "ap-guangzhou", InitiatorVpc, InitiatorTable, InitiatorSubnet),
        PeeringRequests.Side(ReceiverAccount, CrossRegion ? "ap-shanghai" : "ap-guangzhou", ReceiverVpc, ReceiverTable, ReceiverSubnet),
        CrossRegion);
}

/// <summary>
/// A generated world for the fault campaign: eight accounts and, per pair, two VPCs with disjoint CIDRs, a main and a
/// peering route table and one subnet each. Most pairs are cross-account (the receiver accepts over HTTP), every fifth
/// is same-account (ACTIVE at once), every third cross-region.
/// </summary>
internal static class CampaignSeed
{
    public static readonly string[] AccountNames = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];

    public static (EmulatorSeed Seed, IReadOnlyList<CampaignPair> Pairs) Build(int pairCount)
    {
        if (pairCount is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(pairCount), "10.0-99.x and 10.100-199.x give room for 100 pairs.");
        }

        var accounts = AccountNames.Select((name, i) => new SeedAccount
        {
            Name = name,
            Uin = 200000000001 + i,
            AppId = 1260000001 + i,
            SecretId = $"AKIDcampaign{name}{new string('0', 24 - name.Length)}{i + 1}",
            SecretKey = $"{name}CampaignSecretKey{new string('0', 20 - name.Length)}{i + 1}",
        }).ToList();

        var vpcs = new List<SeedVpc>();
        var pairs = new List<CampaignPair>();
        for (var i = 0; i < pairCount; i++)
        {
            var initiator = AccountNames[i % AccountNames.Length];
            var receiver = i % 5 == 4 ? initiator : AccountNames[(i + 1 + (i / AccountNames.Length)) % AccountNames.Length];
            if (receiver == initiator && i % 5 != 4)
            {
                receiver = AccountNames[(i + 2) % AccountNames.Length];
            }

            var crossRegion = i % 3 == 0;
            var n = i.ToString("D4", CultureInfo.InvariantCulture);
            var pair = new CampaignPair(
                i, initiator, receiver,
                $"vpc-{n}left", $"vpc-{n}rght",
                $"rtb-{n}lpcx", $"rtb-{n}rpcx",
                $"subnet-{n}lweb", $"subnet-{n}rapp",
                $"10.{i}.0.0/16", $"10.{100 + i}.0.0/16",
                crossRegion);
            pairs.Add(pair);
            vpcs.Add(Vpc(initiator, "ap-guangzhou", pair.InitiatorVpc, pair.InitiatorCidr, $"rtb-{n}lmai", pair.InitiatorTable, pair.InitiatorSubnet, $"10.{i}.1.0/24"));
            vpcs.Add(Vpc(receiver, crossRegion ? "ap-shanghai" : "ap-guangzhou", pair.ReceiverVpc, pair.ReceiverCidr, $"rtb-{n}rmai", pair.ReceiverTable, pair.ReceiverSubnet, $"10.{100 + i}.1.0/24"));
        }

        var seed = new EmulatorSeed { Accounts = accounts, Vpcs = vpcs };
        seed.Validate("campaign seed");
        return (seed, pairs);
    }

    private static SeedVpc Vpc(string account, string region, string vpcId, string cidr, string mainTable, string peeringTable, string subnet, string subnetCidr) => new()
    {
        Account = account,
        Region = region,
        VpcId = vpcId,
        CidrBlock = cidr,
        AssistantCidrs = [],
        RouteTables = [new SeedRouteTable { RouteTableId = mainTable, Main = true }, new SeedRouteTable { RouteTableId = peeringTable }],
        Subnets = [new SeedSubnet { SubnetId = subnet, CidrBlock = subnetCidr, Zone = region + "-3", RouteTableId = mainTable }],
    };
}
