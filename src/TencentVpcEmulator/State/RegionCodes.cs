namespace TencentVpcEmulator.State;

/// <summary>
/// Long region names (what requests carry in X-TC-Region / DestinationRegion) and the short codes
/// DescribeVpcPeeringConnections prints in SourceRegion / DestinationRegion (spec §4.6).
/// Only regions in this table are accepted; anything else is answered with UnsupportedRegion.
/// </summary>
internal static class RegionCodes
{
    private static readonly Dictionary<string, string> ShortByLong = new(StringComparer.Ordinal)
    {
        ["ap-guangzhou"] = "gz",
        ["ap-shanghai"] = "sh",
        ["ap-beijing"] = "bj",
        ["ap-chengdu"] = "cd",
        ["ap-chongqing"] = "cq",
        ["ap-nanjing"] = "nj",
        ["ap-hongkong"] = "hk",
        ["ap-singapore"] = "sg",
        ["ap-tokyo"] = "jp",
        ["ap-seoul"] = "kr",
        ["ap-bangkok"] = "th",
        ["ap-jakarta"] = "jkt",
        ["eu-frankfurt"] = "de",
        ["na-siliconvalley"] = "usw",
        ["na-ashburn"] = "use",
        ["sa-saopaulo"] = "sao",
        ["ap-mumbai"] = "in",
        ["na-toronto"] = "ca",
        ["ap-taipei"] = "tpe",
        ["ap-shenzhen-fsi"] = "szjr",
        ["ap-shanghai-fsi"] = "shjr",
        ["ap-beijing-fsi"] = "bjjr",
        ["ap-tianjin"] = "tsn",

        // Not in the spec's table; the codes other public mappings use (and our client maps back).
        ["ap-shenzhen"] = "szx",
        ["ap-qingyuan"] = "qy",
    };

    public static bool IsKnown(string region) => ShortByLong.ContainsKey(region);

    public static string ToShort(string region) =>
        ShortByLong.TryGetValue(region, out var code) ? code : region;

    public static IEnumerable<string> All => ShortByLong.Keys;
}
