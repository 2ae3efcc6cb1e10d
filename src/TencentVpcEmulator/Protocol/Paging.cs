using System.Globalization;

namespace TencentVpcEmulator.Protocol;

/// <summary>
/// Offset/Limit paging. DescribeVpcs/Subnets/RouteTables take them as strings, DescribeVpcPeeringConnections as
/// integers (spec §4.6/§4.12); bounds are the same: Limit 1..100 (default 20), Offset ≥ 0.
/// </summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static Paging FromStrings(RequestParameters p) =>
        Create(ParseString(p.GetString("Offset"), "Offset"), ParseString(p.GetString("Limit"), "Limit"));

    public static Paging FromIntegers(RequestParameters p) => Create(p.GetLong("Offset"), p.GetLong("Limit"));

    public static Paging Create(long? offset, long? limit)
    {
        if (offset is < 0)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueRange, $"The value `{offset}` of parameter `Offset` must not be negative.");
        }

        if (limit is > MaxLimit)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueLimitExceeded, $"The value `{limit}` of parameter `Limit` exceeds the maximum of {MaxLimit}.");
        }

        if (limit is < 1)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueRange, $"The value `{limit}` of parameter `Limit` must be between 1 and {MaxLimit}.");
        }

        return new Paging((int)Math.Min(offset ?? 0, int.MaxValue), (int)(limit ?? DefaultLimit));
    }

    public IEnumerable<T> Apply<T>(IEnumerable<T> items) => items.Skip(Offset).Take(Limit);

    /// <summary>The same page, no longer than the emulator's page cap for <paramref name="action"/> when one is set.</summary>
    public Paging CappedFor(EmulatorOptions options, string action) =>
        options.PageCaps.TryGetValue(action, out var cap) && cap > 0 && cap < Limit ? this with { Limit = cap } : this;

    private static long? ParseString(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // Malformed: the one code all three string-paged Describe actions document for a value of the wrong form.
            throw new ApiException(ErrorCodes.InvalidParameterValueMalformed, $"The value `{text}` of parameter `{name}` is not a decimal integer.");
        }

        return value;
    }
}
