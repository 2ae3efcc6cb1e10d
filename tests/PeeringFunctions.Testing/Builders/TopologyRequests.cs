using System.Text.Json.Nodes;

namespace PeeringFunctions.Testing.Builders;

/// <summary>POST /api/topologies bodies over <see cref="TopologySeeds"/>' VPCs.</summary>
public static class TopologyRequests
{
    /// <summary>A member as the API takes it: a VPC of the seed with its account and region.</summary>
    public static JsonObject Member(int index, int accounts, IReadOnlyList<string> regions)
    {
        var (account, region) = TopologySeeds.PlaceOf(index, accounts, regions);
        return new JsonObject { ["account"] = account, ["region"] = region, ["vpcId"] = TopologySeeds.Vpc(index) };
    }

    public static JsonObject Mesh(string name, IEnumerable<int> vpcs, int accounts, IReadOnlyList<string> regions, long bandwidthMbps = 10) => new()
    {
        ["name"] = name,
        ["shape"] = "mesh",
        ["members"] = new JsonArray([.. vpcs.Select(i => (JsonNode)Member(i, accounts, regions))]),
        ["bandwidthMbps"] = bandwidthMbps,
        ["acceptanceTimeout"] = "PT1H",
    };

    public static JsonObject HubAndSpoke(string name, int hub, IEnumerable<int> spokes, int accounts, IReadOnlyList<string> regions, long bandwidthMbps = 10) => new()
    {
        ["name"] = name,
        ["shape"] = "hub-and-spoke",
        ["hub"] = TopologySeeds.Vpc(hub),
        ["members"] = new JsonArray([(JsonNode)Member(hub, accounts, regions), .. spokes.Select(i => (JsonNode)Member(i, accounts, regions))]),
        ["bandwidthMbps"] = bandwidthMbps,
        ["acceptanceTimeout"] = "PT1H",
    };
}
