using System.Globalization;
using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>One side of a peering as Tencent names it; <paramref name="Account"/> is our alias owning it, or null.</summary>
public sealed record SeenSide(string? Account, string? Uin, string Region, string VpcId);

/// <summary>A peering's two sides: the initiator is Tencent's source, the receiver its destination.</summary>
public sealed record PeeringSides(SeenSide Initiator, SeenSide Receiver)
{
    /// <summary>The sides in one of our accounts, initiator first.</summary>
    public IReadOnlyList<SeenSide> Managed => [.. new[] { Initiator, Receiver }.Where(s => s.Account is not null)];

    /// <summary>
    /// The sides of <paramref name="facts"/>, seen by <paramref name="seenBy"/> in <paramref name="seenIn"/>. A side is
    /// ours when a configured account has its UIN. Tencent names each side's region; where it does not, the region
    /// the peering was seen in stands in (Tencent shows a peering to each side in that side's own region).
    /// </summary>
    internal static PeeringSides Of(PeeringFacts facts, string seenBy, string seenIn, ManagedAccounts accounts) => new(
        new SeenSide(accounts.AliasOf(facts.SourceUin, seenBy), Text(facts.SourceUin), facts.SourceRegion ?? seenIn, facts.SourceVpcId),
        new SeenSide(accounts.AliasOf(facts.DestinationUin, seenBy), Text(facts.DestinationUin), facts.DestinationRegion ?? seenIn, facts.DestinationVpcId));

    private static string? Text(long? uin) => uin?.ToString(CultureInfo.InvariantCulture);
}
