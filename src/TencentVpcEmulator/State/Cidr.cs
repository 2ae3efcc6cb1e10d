using System.Net;
using System.Net.Sockets;

namespace TencentVpcEmulator.State;

/// <summary>IPv4 CIDR arithmetic on top of System.Net.IPNetwork (the emulator models IPv4 only).</summary>
internal static class Cidr
{
    /// <summary>
    /// Parses "a.b.c.d/n" in canonical form only: Tencent stores network addresses, so 10.0.0.1/16 is refused.
    /// </summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text) || !text.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        if (!IPNetwork.TryParse(text, out var parsed) || parsed.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        // Only the canonical spelling counts: host bits set (10.0.0.1/16) or odd forms are not a network address.
        var mask = parsed.PrefixLength == 0 ? 0u : uint.MaxValue << (32 - parsed.PrefixLength);
        var address = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(parsed.BaseAddress.GetAddressBytes());
        if ((address & ~mask) != 0 || text != $"{parsed.BaseAddress}/{parsed.PrefixLength}")
        {
            return false;
        }

        network = parsed;
        return true;
    }

    public static IPNetwork Parse(string text) =>
        TryParse(text, out var network) ? network : throw new FormatException($"'{text}' is not an IPv4 CIDR block.");

    public static bool Overlaps(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    public static bool Overlaps(string a, string b) => Overlaps(Parse(a), Parse(b));

    /// <summary>True when <paramref name="inner"/> lies entirely inside <paramref name="outer"/>.</summary>
    public static bool Contains(IPNetwork outer, IPNetwork inner) =>
        outer.PrefixLength <= inner.PrefixLength && outer.Contains(inner.BaseAddress);

    public static bool Contains(string outer, string inner) => Contains(Parse(outer), Parse(inner));

    public static bool SameBlock(string a, string b) => Parse(a).Equals(Parse(b));

    public static long AddressCount(string cidr) => 1L << (32 - Parse(cidr).PrefixLength);
}
