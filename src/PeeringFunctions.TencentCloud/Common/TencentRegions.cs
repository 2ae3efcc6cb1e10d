using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// The Tencent regions we know: maps the short region codes that DescribeVpcPeeringConnections returns (<c>gz</c>,
/// <c>sh</c>, …) to the long region names every request takes (<c>ap-guangzhou</c>, …), and is the one list of long
/// names that requests are checked against (<see cref="IsKnownLongName"/>). Mapping passes anything else through.
/// </summary>
public static class TencentRegions
{
    // Spec §4.6 (terraform's table) first, then aliases seen in other public mappings of the same codes.
    private static readonly FrozenDictionary<string, string> ShortToLong = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["gz"] = "ap-guangzhou",
        ["sh"] = "ap-shanghai",
        ["bj"] = "ap-beijing",
        ["cd"] = "ap-chengdu",
        ["cq"] = "ap-chongqing",
        ["nj"] = "ap-nanjing",
        ["hk"] = "ap-hongkong",
        ["sg"] = "ap-singapore",
        ["jp"] = "ap-tokyo",
        ["kr"] = "ap-seoul",
        ["th"] = "ap-bangkok",
        ["jkt"] = "ap-jakarta",
        ["de"] = "eu-frankfurt",
        ["usw"] = "na-siliconvalley",
        ["use"] = "na-ashburn",
        ["sao"] = "sa-saopaulo",
        ["in"] = "ap-mumbai",
        ["ca"] = "na-toronto",
        ["tpe"] = "ap-taipei",
        ["szjr"] = "ap-shenzhen-fsi",
        ["shjr"] = "ap-shanghai-fsi",
        ["bjjr"] = "ap-beijing-fsi",
        ["tsn"] = "ap-tianjin",
        ["qy"] = "ap-qingyuan",
        ["szx"] = "ap-shenzhen",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> LongToShort =
        ShortToLong.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    // Long names exactly as Tencent spells them (lower case): a request naming anything else is refused at the door.
    private static readonly FrozenSet<string> KnownLongNames = ShortToLong.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Short code → long name, e.g. <c>gz</c> → <c>ap-guangzhou</c>.</summary>
    public static IReadOnlyDictionary<string, string> ShortCodes => ShortToLong;

    /// <summary>Every known long region name (<c>ap-guangzhou</c>, …), sorted.</summary>
    public static IReadOnlyList<string> LongNames { get; } = [.. KnownLongNames.Order(StringComparer.Ordinal)];

    /// <summary>
    /// True for a long region name of the list, spelt exactly (lower case). Short codes, other spellings and unknown
    /// names are false: Tencent answers an unknown X-TC-Region with an error, or an oversized one with HTTP 431.
    /// </summary>
    public static bool IsKnownLongName([NotNullWhen(true)] string? region) => region is not null && KnownLongNames.Contains(region);

    /// <summary>
    /// Returns the long region name for a short code; long names, unknown values, empty strings and null pass
    /// through unchanged (this never throws, so a new region cannot break parsing).
    /// </summary>
    [return: NotNullIfNotNull(nameof(region))]
    public static string? ToLongName(string? region)
    {
        if (string.IsNullOrEmpty(region))
        {
            return region;
        }

        return ShortToLong.TryGetValue(region, out var longName) ? longName : region;
    }

    /// <summary>The reverse mapping (<c>ap-guangzhou</c> → <c>gz</c>); unknown values pass through unchanged.</summary>
    [return: NotNullIfNotNull(nameof(region))]
    public static string? ToShortCode(string? region)
    {
        if (string.IsNullOrEmpty(region))
        {
            return region;
        }

        return LongToShort.TryGetValue(region, out var shortCode) ? shortCode : region;
    }

    /// <summary>True when both values name the same region, whichever form each is in.</summary>
    public static bool AreSame(string? a, string? b) =>
        string.Equals(ToLongName(a), ToLongName(b), StringComparison.OrdinalIgnoreCase);
}
