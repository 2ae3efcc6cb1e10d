using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace PeeringFunctions.Workflow.Planning;

/// <summary>IPv4 CIDR checks on top of <see cref="IPNetwork"/>: the only address math the workflow needs.</summary>
public static class Cidr
{
    /// <summary>A canonical IPv4 CIDR such as 10.0.0.0/16 (host bits zero, as Tencent requires).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPNetwork? network)
    {
        network = null;
        // IPNetwork.TryParse is lenient (it clears host bits and reads "10/8" or octal "010.0.0.0/8"), so the text
        // must also be exactly how the parsed network prints: dotted quad, no leading zeros, host bits zero.
        if (string.IsNullOrWhiteSpace(text) || !text.Contains('/', StringComparison.Ordinal)
            || !IPNetwork.TryParse(text, out var parsed)
            || parsed.BaseAddress.AddressFamily != AddressFamily.InterNetwork
            || !string.Equals(parsed.ToString(), text, StringComparison.Ordinal))
        {
            return false;
        }

        network = parsed;
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    public static bool Overlaps(string a, string b) =>
        TryParse(a, out var x) && TryParse(b, out var y)
        && (x.Value.Contains(y.Value.BaseAddress) || y.Value.Contains(x.Value.BaseAddress));

    /// <summary>True when <paramref name="inner"/> lies wholly inside <paramref name="outer"/>.</summary>
    public static bool Within(string inner, string outer) =>
        TryParse(inner, out var i) && TryParse(outer, out var o)
        && o.Value.PrefixLength <= i.Value.PrefixLength && o.Value.Contains(i.Value.BaseAddress);
}
