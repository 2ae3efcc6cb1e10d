using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;
using PeeringFunctions.Workflow.Tests.Fakes;

namespace PeeringFunctions.Workflow.Tests.Fixtures;

/// <summary>
/// The demo topology of docs/demo-ids.md held in memory, answering every activity the way Tencent (through our
/// activities) would: reads see only what the calling account and region may see, writes change the state, and a
/// write with the wrong account fails with Tencent's code. Tests inspect the state afterwards.
/// </summary>
public sealed class DemoCloud
{
    public const string Alpha = "alpha";
    public const string Beta = "beta";
    public const string AlphaUin = "100000000001";
    public const string BetaUin = "100000000002";
    public const string ExternalUin = "200000000009";
    public const string Guangzhou = "ap-guangzhou";
    public const string Shanghai = "ap-shanghai";

    public const string AlphaVpc = "vpc-alpha001";
    public const string AlphaCidr = "10.10.0.0/16";
    public const string AlphaAssistantCidr = "10.11.0.0/16";
    public const string AlphaMainTable = "rtb-alphamai";
    public const string AlphaPcxTable = "rtb-alphapcx";
    public const string AlphaWeb = "subnet-alphaweb";
    public const string AlphaDb = "subnet-alphadb1";

    public const string BetaVpc = "vpc-beta0001";
    public const string BetaCidr = "172.16.0.0/16";
    public const string BetaMainTable = "rtb-betamain";
    public const string BetaPcxTable = "rtb-betapcx1";
    public const string BetaApp = "subnet-betaapp1";

    public const string BetaGzVpc = "vpc-betagz01";
    public const string BetaGzCidr = "192.168.0.0/20";
    public const string BetaGzMainTable = "rtb-betagzmn";
    public const string BetaGzSubnet = "subnet-betagz01";

    public const string BetaOverlapVpc = "vpc-betaover";
    public const string BetaOverlapCidr = "10.10.128.0/20";
    public const string BetaOverlapMainTable = "rtb-betaovmn";
    public const string BetaOverlapSubnet = "subnet-betaover";

    /// <summary>An external party's VPC (not one of our accounts): we know it only by UIN.</summary>
    public const string ExternalVpc = "vpc-extrn001";
    public const string ExternalCidr = "192.168.64.0/18";

    /// <summary>The id CreatePeeringActivity gives the next peering.</summary>
    public const string NewPeeringId = "pcx-ab12cd34";

    /// <summary>The demo seed's credentials: they must never appear in history or custom status.</summary>
    public static readonly IReadOnlyList<string> Secrets =
    [
        "AKIDalphaDEMO0000000000000000000001",
        "AKIDbetaDEMO00000000000000000000002",
        "alphaDemoSecretKey000000000000001",
        "betaDemoSecretKey0000000000000002",
    ];

    private readonly Dictionary<string, string> uins = new(StringComparer.Ordinal) { [Alpha] = AlphaUin, [Beta] = BetaUin };
    private readonly List<Vpc> vpcs = [];
    private readonly List<Table> tables = [];
    private readonly List<Peering> peerings = [];
    private int routeCounter = 0x100;
    private readonly Dictionary<string, int> activating = new(StringComparer.Ordinal);
    private int activationReads;
    private string activationEnd = "ACTIVE";

    public DemoCloud()
    {
        AddVpc(Alpha, Guangzhou, AlphaVpc, AlphaCidr, [AlphaAssistantCidr]);
        AddTable(Alpha, Guangzhou, AlphaVpc, AlphaMainTable, main: true, [AlphaWeb, AlphaDb]);
        AddTable(Alpha, Guangzhou, AlphaVpc, AlphaPcxTable, main: false, []);

        AddVpc(Beta, Shanghai, BetaVpc, BetaCidr, []);
        AddTable(Beta, Shanghai, BetaVpc, BetaMainTable, main: true, [BetaApp]);
        AddTable(Beta, Shanghai, BetaVpc, BetaPcxTable, main: false, []);

        AddVpc(Beta, Guangzhou, BetaGzVpc, BetaGzCidr, []);
        AddTable(Beta, Guangzhou, BetaGzVpc, BetaGzMainTable, main: true, [BetaGzSubnet]);

        AddVpc(Beta, Shanghai, BetaOverlapVpc, BetaOverlapCidr, []);
        AddTable(Beta, Shanghai, BetaOverlapVpc, BetaOverlapMainTable, main: true, [BetaOverlapSubnet]);

        AddVpc(null, Shanghai, ExternalVpc, ExternalCidr, [], ownerUin: ExternalUin);
    }

    /// <summary>What CreatePeeringActivity returns next (the id Tencent would assign).</summary>
    public string NextPeeringId { get; set; } = NewPeeringId;

    /// <summary>The quotas ResolveLimitsActivity answers with (Tencent's defaults unless a test lowers them).</summary>
    public TencentLimits Limits { get; set; } = TencentLimits.Defaults;

    /// <summary>Whether a channel takes the outcome notice (ResolvePreflightSettingsActivity's answer; true unless a test says none does).</summary>
    public bool OutcomeDelivered { get; set; } = true;

    // ---------- shaping the topology for a test ----------

    public DemoCloud RemoveVpc(string vpcId)
    {
        vpcs.RemoveAll(v => v.VpcId == vpcId);
        tables.RemoveAll(t => t.VpcId == vpcId);
        return this;
    }

    public DemoCloud AddAssistantCidr(string vpcId, string cidr)
    {
        VpcOf(vpcId).Assistants.Add(cidr);
        return this;
    }

    /// <returns>The new route's RouteItemId.</returns>
    public string AddRoute(string tableId, string destination, string gatewayType, string gatewayId, bool enabled = true)
    {
        var route = NewRoute(destination, gatewayType, gatewayId, enabled);
        TableOf(tableId).Routes.Add(route);
        return route.RouteItemId!;
    }

    /// <summary>A person (or the console) deletes the route to <paramref name="destination"/> from the table.</summary>
    public DemoCloud DeleteRoute(string tableId, string destination)
    {
        TableOf(tableId).Routes.RemoveAll(r => r.DestinationCidrBlock == destination);
        return this;
    }

    /// <summary>A person turns the route to <paramref name="destination"/> off.</summary>
    public DemoCloud DisableRoute(string tableId, string destination)
    {
        var routes = TableOf(tableId).Routes;
        var i = routes.FindIndex(r => r.DestinationCidrBlock == destination);
        routes[i] = routes[i] with { Enabled = false };
        return this;
    }

    /// <summary>A person points the route to <paramref name="destination"/> at another next hop.</summary>
    public DemoCloud RedirectRoute(string tableId, string destination, string gatewayType, string gatewayId)
    {
        var routes = TableOf(tableId).Routes;
        var i = routes.FindIndex(r => r.DestinationCidrBlock == destination);
        routes[i] = routes[i] with { GatewayType = gatewayType, GatewayId = gatewayId };
        return this;
    }

    /// <summary>A person puts a subnet on another table.</summary>
    public DemoCloud MoveSubnet(string subnetId, string tableId)
    {
        tables.Single(t => t.Subnets.Contains(subnetId)).Subnets.Remove(subnetId);
        TableOf(tableId).Subnets.Add(subnetId);
        return this;
    }

    public DemoCloud AddPeering(string peeringConnectionId, string sourceAccount, string sourceRegion, string sourceVpcId,
        string destinationAccount, string destinationRegion, string destinationVpcId, string state)
    {
        peerings.Add(new Peering(
            new PeeringFacts(peeringConnectionId, "earlier", sourceVpcId, destinationVpcId, state,
                long.Parse(uins[sourceAccount], System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(uins[destinationAccount], System.Globalization.CultureInfo.InvariantCulture)),
            sourceAccount, sourceRegion, destinationAccount, destinationRegion));
        return this;
    }

    public void SetPeeringState(string peeringConnectionId, string state)
    {
        var peering = PeeringOf(peeringConnectionId);
        peering.Facts = peering.Facts with { State = state };
    }

    // ---------- inspecting it ----------

    public string? PeeringState(string peeringConnectionId) =>
        peerings.FirstOrDefault(p => p.Facts.PeeringConnectionId == peeringConnectionId)?.Facts.State;

    public IReadOnlyList<RouteFacts> RoutesIn(string tableId) => [.. TableOf(tableId).Routes];

    public IReadOnlyList<string> SubnetsOn(string tableId) => [.. TableOf(tableId).Subnets];

    /// <summary>Every table's associations and routes, for "nothing is left behind" comparisons.</summary>
    public IReadOnlyList<string> Layout() =>
    [
        .. tables.OrderBy(t => t.RouteTableId, StringComparer.Ordinal).Select(t =>
            $"{t.RouteTableId}: subnets [{string.Join(", ", t.Subnets.Order(StringComparer.Ordinal))}] routes [" +
            string.Join(", ", t.Routes.Select(r => $"{r.DestinationCidrBlock}->{r.GatewayType}:{r.GatewayId}").Order(StringComparer.Ordinal)) + "]"),
    ];

    /// <summary>What pre-flight would read about one side (for the planner's pure tests).</summary>
    public SideFacts FactsOf(string account, string region, string vpcId, bool includePeerings = true)
    {
        var target = new VpcTarget(account, region, vpcId);
        return new SideFacts(
            DescribeVpc(target),
            DescribeRouteTables(target),
            includePeerings ? DescribePeerings(new PeeringLookup(account, region, VpcId: vpcId)) : []);
    }

    // ---------- answering activities ----------

    /// <summary>Installs a handler for every activity of the workflow on <paramref name="context"/>.</summary>
    public FakeOrchestrationContext Install(FakeOrchestrationContext context) => context
        .OnActivity<VpcTarget, VpcFacts?>(nameof(DescribeVpcActivity), DescribeVpc)
        .OnActivity<VpcTarget, IReadOnlyList<RouteTableFacts>>(nameof(DescribeRouteTablesActivity), DescribeRouteTables)
        .OnActivity<PeeringLookup, IReadOnlyList<PeeringFacts>>(nameof(DescribePeeringsActivity), DescribePeerings)
        .OnActivity<string, string>(nameof(ResolveUinActivity), ResolveUin)
        .OnActivity<object?, TencentLimits>(nameof(ResolveLimitsActivity), _ => Limits)
        .OnActivity<PreflightSettingsLookup, PreflightSettings>(nameof(ResolvePreflightSettingsActivity), ResolvePreflightSettings)
        .OnActivity<CreatePeeringInput, PeeringFacts>(nameof(CreatePeeringActivity), CreatePeering)
        .OnActivity<NotifyReceiverInput, bool>(nameof(NotifyReceiverActivity), _ => true)
        .OnActivity<PeeringOutcomeNotice, bool>(nameof(NotifyOutcomeActivity), _ => true)
        .OnActivity<PeeringTarget, string>(nameof(AcceptPeeringActivity), AcceptPeering)
        .OnActivity<PeeringTarget, string>(nameof(RejectPeeringActivity), RejectPeering)
        .OnActivity<PeeringTarget, bool>(nameof(DeletePeeringActivity), DeletePeering)
        .OnActivity<CreateRoutesInput, CreateRoutesResult>(nameof(CreateRoutesActivity), CreateRoutes)
        .OnActivity<DeleteRoutesInput, int>(nameof(DeleteRoutesActivity), DeleteRoutes)
        .OnActivity<AssociateSubnetInput, string>(nameof(AssociateSubnetActivity), AssociateSubnet)
        .OnActivity<RegisteredPeering, bool>(nameof(RecordPeeringActivity), Record)
        .OnActivity<TeardownRecord, bool>(nameof(RecordTeardownActivity), RecordTeardown)
        .OnActivity<EnableRoutesInput, int>(nameof(EnableRoutesActivity), EnableRoutes)
        .OnActivity<RepairRecord, bool>(nameof(RecordRepairActivity), RecordRepair)
        .OnActivity<RepairNotice, bool>(nameof(NotifyRepairActivity), notice =>
        {
            RepairNotices.Add(notice);
            return true;
        })
        .OnActivity<TeardownNotice, bool>(nameof(NotifyTeardownActivity), notice =>
        {
            TeardownNotices.Add(notice);
            return true;
        });

    /// <summary>The teardown notices the workflow sent, in order.</summary>
    public List<TeardownNotice> TeardownNotices { get; } = [];

    /// <summary>The repair notices the workflow sent, in order.</summary>
    public List<RepairNotice> RepairNotices { get; } = [];

    public bool RecordRepair(RepairRecord repair)
    {
        if (!Registry.TryGetValue(repair.PeeringId, out var record))
        {
            return false;
        }

        Registry[repair.PeeringId] = RecordRepairActivity.Apply(record, repair);
        return true;
    }

    public int EnableRoutes(EnableRoutesInput input)
    {
        var table = OwnedTable(input.Account, input.Region, input.RouteTableId, "EnableRoutes");
        var enabled = 0;
        for (var i = 0; i < table.Routes.Count; i++)
        {
            var route = table.Routes[i];
            if (route.IsVia(input.PeeringConnectionId) && !route.Enabled && input.Destinations.Contains(route.DestinationCidrBlock))
            {
                table.Routes[i] = route with { Enabled = true };
                enabled++;
            }
        }

        return enabled;
    }

    /// <summary>The peering registry as the workflow wrote it (the last record per id).</summary>
    public Dictionary<string, RegisteredPeering> Registry { get; } = new(StringComparer.Ordinal);

    public bool Record(RegisteredPeering peering)
    {
        Registry[peering.Id] = peering;
        return true;
    }

    public bool RecordTeardown(TeardownRecord teardown)
    {
        if (!Registry.TryGetValue(teardown.PeeringId, out var record))
        {
            return false;
        }

        Registry[teardown.PeeringId] = record with { State = teardown.State, Message = teardown.Message, UpdatedAt = teardown.At };
        return true;
    }

    public VpcFacts? DescribeVpc(VpcTarget target) =>
        vpcs.FirstOrDefault(v => v.VpcId == target.VpcId && v.Account == target.Account && v.Region == target.Region) is { } vpc
            ? new VpcFacts(vpc.VpcId, vpc.CidrBlock, [.. vpc.Assistants])
            : null;

    public IReadOnlyList<RouteTableFacts> DescribeRouteTables(VpcTarget target) =>
    [
        .. tables.Where(t => t.VpcId == target.VpcId && t.Account == target.Account && t.Region == target.Region)
            .Select(t => new RouteTableFacts(t.RouteTableId, t.Main, [.. t.Subnets], [.. t.Routes])),
    ];

    public IReadOnlyList<PeeringFacts> DescribePeerings(PeeringLookup lookup)
    {
        var read = peerings.Where(p => p.VisibleTo(lookup.Account, lookup.Region))
            .Where(p => lookup.PeeringConnectionId is null || p.Facts.PeeringConnectionId == lookup.PeeringConnectionId)
            .Where(p => lookup.VpcId is null || p.Facts.SourceVpcId == lookup.VpcId || p.Facts.DestinationVpcId == lookup.VpcId)
            .ToList();
        TickActivations(read);
        return [.. read.Select(p => p.Facts)];
    }

    public string ResolveUin(string account) =>
        uins.TryGetValue(account, out var uin)
            ? uin
            : throw ActivityFailures.Exception(nameof(ResolveUinActivity), $"Account '{account}' is not configured.");

    public PreflightSettings ResolvePreflightSettings(PreflightSettingsLookup lookup) =>
        new(lookup.ResolveReceiverUin ? ResolveUin(lookup.ReceiverAccount ?? "(none)") : null, Limits, OutcomeDelivered);

    public PeeringFacts CreatePeering(CreatePeeringInput input)
    {
        var source = vpcs.FirstOrDefault(v => v.VpcId == input.SourceVpcId && v.Account == input.Account && v.Region == input.Region)
            ?? throw Refusal("CreateVpcPeeringConnection", "InvalidParameterValue.VpcNotFound", $"{input.SourceVpcId} is not in {input.Account}/{input.Region}.");
        var destination = vpcs.FirstOrDefault(v => v.VpcId == input.DestinationVpcId && v.Region == input.DestinationRegion && v.OwnerUin == input.DestinationUin)
            ?? throw Refusal("CreateVpcPeeringConnection", "InvalidParameterValue.VpcNotFound", $"{input.DestinationVpcId} is not in uin {input.DestinationUin}/{input.DestinationRegion}.");
        if (peerings.Any(p => p.Facts.IsLive && p.Facts.Joins(source.VpcId, destination.VpcId)))
        {
            throw Refusal("CreateVpcPeeringConnection", "UnsupportedOperation.VpcPeerAlreadyExist", "The peering already exists.");
        }

        var sameAccount = source.OwnerUin == destination.OwnerUin;
        var facts = new PeeringFacts(NextPeeringId, input.Name, source.VpcId, destination.VpcId, sameAccount ? "ACTIVE" : "PENDING",
            long.Parse(source.OwnerUin, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(destination.OwnerUin, System.Globalization.CultureInfo.InvariantCulture));
        peerings.Add(new Peering(facts, input.Account, input.Region, destination.Account, destination.Region));
        return facts;
    }

    /// <summary>
    /// Accepted peerings stay PENDING for this many reads of them, then turn <paramref name="endsAs"/> (Tencent's
    /// activation task: asynchronous across regions, and it may fail).
    /// </summary>
    public DemoCloud ActivatesAfter(int reads, string endsAs = "ACTIVE")
    {
        activationReads = reads;
        activationEnd = endsAs;
        return this;
    }

    public string AcceptPeering(PeeringTarget target)
    {
        var state = ChangeState(target, "AcceptVpcPeeringConnection", "ACTIVE");
        if (activationReads > 0 || activationEnd != "ACTIVE")
        {
            SetPeeringState(target.PeeringConnectionId, "PENDING");
            activating[target.PeeringConnectionId] = activationReads;
        }

        return state;
    }

    /// <summary>Each read of an activating peering brings its activation one read closer to its end.</summary>
    private void TickActivations(IEnumerable<Peering> read)
    {
        foreach (var peering in read)
        {
            if (activating.TryGetValue(peering.Facts.PeeringConnectionId, out var left))
            {
                if (left <= 0)
                {
                    activating.Remove(peering.Facts.PeeringConnectionId);
                    peering.Facts = peering.Facts with { State = activationEnd };
                }
                else
                {
                    activating[peering.Facts.PeeringConnectionId] = left - 1;
                }
            }
        }
    }

    public string RejectPeering(PeeringTarget target) => ChangeState(target, "RejectVpcPeeringConnection", "REJECTED");

    public bool DeletePeering(PeeringTarget target)
    {
        var peering = peerings.FirstOrDefault(p => p.Facts.PeeringConnectionId == target.PeeringConnectionId && p.VisibleTo(target.Account, target.Region));
        if (peering is null || peering.Facts.State == "DELETED")
        {
            return false; // "not found" is success
        }

        peering.Facts = peering.Facts with { State = "DELETED" };
        return true;
    }

    public CreateRoutesResult CreateRoutes(CreateRoutesInput input)
    {
        var table = OwnedTable(input.Account, input.Region, input.RouteTableId, "CreateRoutes");
        if (!peerings.Any(p => p.Facts.PeeringConnectionId == input.PeeringConnectionId && p.VisibleTo(input.Account, input.Region)))
        {
            throw Refusal("CreateRoutes", "InvalidParameterValue.RouteNextHopInvalid", $"{input.PeeringConnectionId} is not a peering of {input.Account}.");
        }

        if (input.Destinations.FirstOrDefault(d => table.Routes.Any(r => r.DestinationCidrBlock == d)) is { } duplicate)
        {
            throw Refusal("CreateRoutes", "InvalidParameterValue.Duplicate", $"{table.RouteTableId} already has a route to {duplicate}.");
        }

        var created = input.Destinations.Select(d => NewRoute(d, "PEERCONNECTION", input.PeeringConnectionId, enabled: true)).ToList();
        table.Routes.AddRange(created);
        return new CreateRoutesResult(table.RouteTableId, created, []);
    }

    public int DeleteRoutes(DeleteRoutesInput input)
    {
        var table = tables.FirstOrDefault(t => t.RouteTableId == input.RouteTableId && t.Account == input.Account && t.Region == input.Region);
        return table?.Routes.RemoveAll(r => r.GatewayType == "PEERCONNECTION" && r.GatewayId == input.PeeringConnectionId
            && !input.KeepRouteItemIds.Contains(r.RouteItemId ?? "")) ?? 0;
    }

    public string AssociateSubnet(AssociateSubnetInput input)
    {
        var table = OwnedTable(input.Account, input.Region, input.RouteTableId, "ReplaceRouteTableAssociation");
        var current = tables.FirstOrDefault(t => t.VpcId == table.VpcId && t.Subnets.Contains(input.SubnetId))
            ?? throw Refusal("ReplaceRouteTableAssociation", "ResourceNotFound", $"{input.SubnetId} is not in {table.VpcId}.");
        current.Subnets.Remove(input.SubnetId);
        table.Subnets.Add(input.SubnetId);
        return table.RouteTableId;
    }

    private string ChangeState(PeeringTarget target, string action, string wanted)
    {
        var peering = peerings.FirstOrDefault(p => p.Facts.PeeringConnectionId == target.PeeringConnectionId && p.VisibleTo(target.Account, target.Region))
            ?? throw Refusal(action, "ResourceNotFound", $"{target.PeeringConnectionId} is not visible to {target.Account}/{target.Region}.");
        if (peering.DestinationAccount != target.Account || peering.DestinationRegion != target.Region)
        {
            throw Refusal(action, "UnsupportedOperation.VpcPeerPurviewError", $"{target.Account} cannot perform this operation on {target.PeeringConnectionId}.");
        }

        if (peering.Facts.State != "PENDING" && peering.Facts.State != wanted)
        {
            throw Refusal(action, "UnsupportedOperation.VpcPeerInvalidStateChange", $"{target.PeeringConnectionId} is {peering.Facts.State}.");
        }

        peering.Facts = peering.Facts with { State = wanted };
        return wanted;
    }

    private Table OwnedTable(string account, string region, string tableId, string action) =>
        tables.FirstOrDefault(t => t.RouteTableId == tableId && t.Account == account && t.Region == region)
            ?? throw Refusal(action, "ResourceNotFound", $"{tableId} is not in {account}/{region}.");

    private static Microsoft.DurableTask.TaskFailedException Refusal(string action, string code, string message) =>
        ActivityFailures.Exception(action, $"{action}: [{code}] {message} (RequestId 00000000-demo)");

    private RouteFacts NewRoute(string destination, string gatewayType, string gatewayId, bool enabled)
    {
        var id = ++routeCounter;
        return new RouteFacts($"rti-{id:x8}", (ulong)id, destination, gatewayType, gatewayId, enabled, "USER");
    }

    private Vpc VpcOf(string vpcId) => vpcs.Single(v => v.VpcId == vpcId);

    private Table TableOf(string tableId) => tables.Single(t => t.RouteTableId == tableId);

    private Peering PeeringOf(string peeringConnectionId) => peerings.Single(p => p.Facts.PeeringConnectionId == peeringConnectionId);

    private void AddVpc(string? account, string region, string vpcId, string cidr, List<string> assistants, string? ownerUin = null) =>
        vpcs.Add(new Vpc(account, ownerUin ?? uins[account!], region, vpcId, cidr, assistants));

    private void AddTable(string account, string region, string vpcId, string tableId, bool main, List<string> subnets)
    {
        var vpc = VpcOf(vpcId);
        tables.Add(new Table(account, region, vpcId, tableId, main, subnets,
            [new RouteFacts($"rti-local{tables.Count:x3}", null, vpc.CidrBlock, "LOCAL", "Local", true, "LOCAL")]));
    }

    private sealed record Vpc(string? Account, string OwnerUin, string Region, string VpcId, string CidrBlock, List<string> Assistants);

    private sealed record Table(string Account, string Region, string VpcId, string RouteTableId, bool Main, List<string> Subnets, List<RouteFacts> Routes);

    private sealed class Peering(PeeringFacts facts, string? sourceAccount, string sourceRegion, string? destinationAccount, string destinationRegion)
    {
        public PeeringFacts Facts { get; set; } = facts;

        public string? DestinationAccount { get; } = destinationAccount;

        public string DestinationRegion { get; } = destinationRegion;

        public bool VisibleTo(string account, string region) =>
            (account == sourceAccount && region == sourceRegion) || (account == DestinationAccount && region == DestinationRegion);
    }
}
