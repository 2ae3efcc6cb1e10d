using System.Text.Json;
using System.Text.Json.Nodes;

namespace TencentVpcEmulator.Protocol;

/// <summary>
/// Parsed Filters ([{"Name":..., "Values":[...]}]): filters are ANDed, values within one filter ORed (spec §4.16).
/// </summary>
internal sealed class FilterSet
{
    private readonly Dictionary<string, IReadOnlyList<string>> _filters;

    private FilterSet(Dictionary<string, IReadOnlyList<string>> filters) => _filters = filters;

    public static FilterSet Empty { get; } = new([]);

    public bool IsEmpty => _filters.Count == 0;

    public IEnumerable<string> Names => _filters.Keys;

    /// <summary>
    /// Parses Filters, allowing only <paramref name="allowedNames"/> (plus "tag:&lt;key&gt;" when "tag:" is allowed).
    /// A malformed filter or an unknown name answers with the action's documented code for it; a filter with more than
    /// <paramref name="maxValues"/> values is InvalidParameterValue.LimitExceeded (null: no cap).
    /// </summary>
    public static FilterSet Parse(JsonArray? filters, IReadOnlySet<string> allowedNames, ActionErrors errors, int? maxValues = null)
    {
        var parsed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (filters is null)
        {
            return new FilterSet(parsed);
        }

        for (var i = 0; i < filters.Count; i++)
        {
            if (filters[i] is not JsonObject filter || filter["Name"] is not JsonValue nameNode || nameNode.GetValueKind() != JsonValueKind.String)
            {
                throw new ApiException(errors.FilterNotDict, $"Filters.{i} must be an object with a string `Name` and an array `Values`.");
            }

            var name = nameNode.GetValue<string>();
            if (filter["Values"] is not JsonArray values || values.Any(v => v is null || v.GetValueKind() != JsonValueKind.String))
            {
                throw new ApiException(errors.FilterValuesNotList, $"Filters.{i}.Values must be an array of strings.");
            }

            var isTag = name.StartsWith("tag:", StringComparison.Ordinal) && allowedNames.Contains("tag:");
            if (!allowedNames.Contains(name) && !isTag)
            {
                throw new ApiException(errors.FilterInvalidKey, $"The filter name `{name}` is not supported.");
            }

            if (values.Count > maxValues)
            {
                throw new ApiException(ErrorCodes.InvalidParameterValueLimitExceeded,
                    $"At most {maxValues} values may be passed in Filters.{i}.Values (`{name}`).");
            }

            var list = values.Select(v => v!.GetValue<string>()).ToList();
            if (parsed.TryGetValue(name, out var existing))
            {
                // The same name twice is treated as AND of both value lists, narrowing to their intersection.
                list = [.. existing.Intersect(list, StringComparer.Ordinal)];
            }

            parsed[name] = list;
        }

        return new FilterSet(parsed);
    }

    public bool Has(string name) => _filters.ContainsKey(name);

    /// <summary>The filter's value when it names exactly one; null when absent or given several.</summary>
    public string? SingleValue(string name) => _filters.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>True when the filter is absent or any of its values satisfies <paramref name="test"/>.</summary>
    public bool Matches(string name, Func<string, bool> test) =>
        !_filters.TryGetValue(name, out var values) || values.Any(test);

    public bool MatchesExact(string name, string actual) => Matches(name, v => string.Equals(v, actual, StringComparison.Ordinal));

    /// <summary>Boolean filter values are strings: "TRUE"/"FALSE", also "true"/"false".</summary>
    public bool MatchesBool(string name, bool actual) => Matches(name, v => bool.TryParse(v, out var b) && b == actual);

    /// <summary>
    /// The IPv6 filters (ipv6-cidr-block, and isp-type and address-type, which describe an IPv6 CIDR): the emulator
    /// models no IPv6, so any of them given matches nothing.
    /// </summary>
    public bool MatchesNoIpv6() => !Has("ipv6-cidr-block") && !Has("isp-type") && !Has("address-type");

    /// <summary>Filters on tags: our resources carry no tags here unless given, so tag filters match only tagged ones.</summary>
    public bool MatchesTags(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        foreach (var (name, values) in _filters)
        {
            if (name == "tag-key" && !tags.Any(t => values.Contains(t.Key)))
            {
                return false;
            }

            if (name.StartsWith("tag:", StringComparison.Ordinal))
            {
                var key = name[4..];
                if (!tags.Any(t => t.Key == key && values.Contains(t.Value)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>IDs and Filters cannot be combined (InvalidParameter.Coexist).</summary>
    public static void RejectCoexistence(RequestParameters p, string idsName)
    {
        if (p.GetStrings(idsName) is { Count: > 0 } && p.GetArray("Filters") is { Count: > 0 })
        {
            throw new ApiException(ErrorCodes.InvalidParameterCoexist, $"The parameters `{idsName}` and `Filters` cannot be specified at the same time.");
        }
    }

    /// <summary>Validates an ID list: at most 100 IDs, each well-formed.</summary>
    public static IReadOnlyList<string> ReadIds(RequestParameters p, string idsName, string prefix)
    {
        var ids = p.GetStrings(idsName) ?? [];
        if (ids.Count > Paging.MaxLimit)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueLimitExceeded, $"At most {Paging.MaxLimit} values may be passed in `{idsName}`.");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            IdFormat.Require(prefix, ids[i], $"{idsName}.{i}");
        }

        return ids;
    }
}
