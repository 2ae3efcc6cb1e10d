using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Fixtures;

/// <summary>Requests and decisions over the demo topology.</summary>
public static class Demo
{
    public const string Name = "alpha-beta";

    /// <summary>The activities that change something on Tencent.</summary>
    public static readonly IReadOnlySet<string> Writes = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(CreatePeeringActivity),
        nameof(AcceptPeeringActivity),
        nameof(RejectPeeringActivity),
        nameof(DeletePeeringActivity),
        nameof(CreateRoutesActivity),
        nameof(DeleteRoutesActivity),
        nameof(AssociateSubnetActivity),
        nameof(EnableRoutesActivity),
    };

    public static PeeringSide AlphaSide(
        string? routeTableId = AlphaPcxTable, IReadOnlyList<string>? subnetIds = null, IReadOnlyList<string>? destinations = null) =>
        new(Guangzhou, AlphaVpc, Account: Alpha, RouteTableId: routeTableId, SubnetIds: subnetIds ?? [AlphaWeb], DestinationCidrs: destinations);

    public static PeeringSide BetaSide(
        string vpcId = BetaVpc, string? routeTableId = BetaPcxTable, IReadOnlyList<string>? subnetIds = null, IReadOnlyList<string>? destinations = null) =>
        new(Shanghai, vpcId, Account: Beta, RouteTableId: routeTableId, SubnetIds: subnetIds ?? [BetaApp], DestinationCidrs: destinations);

    /// <summary>alpha (ap-guangzhou) asks beta (ap-shanghai): rtb-alphapcx + subnet-alphaweb, rtb-betapcx1 + subnet-betaapp1.</summary>
    public static PeeringRequest AlphaToBeta(
        PeeringSide? initiator = null, PeeringSide? receiver = null, TimeSpan? timeout = null, bool keepPartialWork = false) =>
        new(Name,
            initiator ?? AlphaSide(),
            receiver ?? BetaSide(),
            CrossRegion: new CrossRegionOptions(10, "POSTPAID_BY_DAY_MAX"),
            AcceptanceTimeout: timeout ?? TimeSpan.FromHours(24),
            KeepPartialWorkOnFailure: keepPartialWork);

    /// <summary>alpha (ap-guangzhou) asks an external party in ap-shanghai known only by its UIN; alpha routes the given CIDR to it.</summary>
    public static PeeringRequest AlphaToExternal() =>
        new("alpha-partner",
            AlphaSide(destinations: ["192.168.100.0/24"]),
            new PeeringSide(Shanghai, ExternalVpc, ExternalUin: DemoCloud.ExternalUin),
            CrossRegion: new CrossRegionOptions(10, "POSTPAID_BY_DAY_MAX"),
            AcceptanceTimeout: TimeSpan.FromHours(24));

    public static AcceptanceDecision Accept(string id = "d-1", string? peeringConnectionId = null) =>
        new(id, true, DecisionSources.Http, "ops@beta", peeringConnectionId);

    public static AcceptanceDecision Reject(string id = "d-1", string? peeringConnectionId = null) =>
        new(id, false, DecisionSources.Chat, "ops@beta", peeringConnectionId);

    public static AcceptanceDecision Observed(string state, string id = "poll-1") =>
        new(id, state == "ACTIVE", DecisionSources.Poller, null, NewPeeringId, state);

    /// <summary>A fake context answering from <paramref name="cloud"/>.</summary>
    public static FakeOrchestrationContext ContextFor(DemoCloud cloud) => cloud.Install(new FakeOrchestrationContext());

    public static IReadOnlyList<string> WritesIn(FakeOrchestrationContext context) => [.. context.Names.Where(Writes.Contains)];
}
