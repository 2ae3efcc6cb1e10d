using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PeeringFunctions.Peerings.Approval;

/// <summary>What a link lets its holder do: decide once, or watch the peering afterwards.</summary>
public enum LinkPurpose
{
    /// <summary>The receiver's approval link: see the request, accept or reject it (once).</summary>
    Decide = 1,

    /// <summary>Given after the decision: read this peering's status page, nothing else.</summary>
    Watch = 2,

    /// <summary>
    /// A receiving account's topology approval link: see the pairs it is asked for, accept or reject them all (once).
    /// The instance is the topology; the second field binds the link to one run's consent deadline.
    /// </summary>
    DecideTopology = 3,
}

/// <summary>
/// What a token says, all of it covered by the signature: the purpose, the peering instance, the Tencent peering
/// connection (an instance id is reused by a later peering of the same VPC pair; the pcx is not), the receiver
/// account that may decide, and when it stops working.
/// </summary>
public sealed record LinkClaims(LinkPurpose Purpose, string InstanceId, string PeeringConnectionId, string ReceiverAccount, DateTimeOffset ExpiresAt);

public enum LinkVerdict
{
    Valid,
    Missing,
    Malformed,

    /// <summary>The signature does not match: tampered, or signed with another key.</summary>
    Forged,
    Expired,

    /// <summary>A genuine token, but for another purpose (a watch link presented as an approval link).</summary>
    WrongPurpose,

    /// <summary>The app has no signing key: it accepts no link at all.</summary>
    NotConfigured,
}

public sealed record LinkCheck(LinkVerdict Verdict, LinkClaims? Claims)
{
    public bool IsValid => Verdict == LinkVerdict.Valid && Claims is not null;
}

/// <summary>
/// Signs and checks link tokens: base64url(payload) "." base64url(HMAC-SHA256(key, payload)), the payload a few
/// newline-separated fields. The signature is checked (in constant time) before any field is read, then the expiry.
/// A token grants nothing by itself: the handlers also require that its peering, pcx and receiver are the ones the
/// running instance has, and that the instance still waits for a decision.
/// </summary>
public sealed class ApprovalTokens(ApprovalSigningKey key, TimeProvider time)
{
    /// <summary>Far longer than any token we issue; anything longer is refused unread.</summary>
    public const int MaxLength = 600;

    private const string Version = "pf1";
    private const int MacLength = 32;
    private const int MaxFieldLength = 100;

    public bool CanIssue => key.IsConfigured;

    public string Issue(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var field in new[] { claims.InstanceId, claims.PeeringConnectionId, claims.ReceiverAccount })
        {
            if (string.IsNullOrEmpty(field) || field.Length > MaxFieldLength || field.Any(char.IsControl))
            {
                throw new ArgumentException("Token fields must be 1 to 100 characters without control characters.", nameof(claims));
            }
        }

        var payload = Encoding.UTF8.GetBytes(string.Join('\n',
            Version,
            LetterOf(claims.Purpose),
            claims.InstanceId,
            claims.PeeringConnectionId,
            claims.ReceiverAccount,
            claims.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(key.Sign(payload));
    }

    public LinkCheck Check(string? token, LinkPurpose purpose)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new LinkCheck(LinkVerdict.Missing, null);
        }

        if (!key.IsConfigured)
        {
            return new LinkCheck(LinkVerdict.NotConfigured, null);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxLength || dot <= 0 || dot != token.LastIndexOf('.')
            || !TryDecode(token.AsSpan(0, dot), out var payload)
            || !TryDecode(token.AsSpan(dot + 1), out var mac) || mac.Length != MacLength)
        {
            return new LinkCheck(LinkVerdict.Malformed, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(key.Sign(payload), mac))
        {
            return new LinkCheck(LinkVerdict.Forged, null);
        }

        // Signed by us, so well-formed unless the format changed: still parsed defensively.
        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        if (fields.Length != 6 || fields[0] != Version || fields[1] is not ("d" or "w" or "t")
            || !long.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new LinkCheck(LinkVerdict.Malformed, null);
        }

        var claims = new LinkClaims(
            fields[1] switch { "d" => LinkPurpose.Decide, "w" => LinkPurpose.Watch, _ => LinkPurpose.DecideTopology },
            fields[2],
            fields[3],
            fields[4],
            DateTimeOffset.FromUnixTimeSeconds(expiresAt));
        if (claims.Purpose != purpose)
        {
            return new LinkCheck(LinkVerdict.WrongPurpose, null);
        }

        return time.GetUtcNow() >= claims.ExpiresAt ? new LinkCheck(LinkVerdict.Expired, claims) : new LinkCheck(LinkVerdict.Valid, claims);
    }

    /// <summary>
    /// The decision id a token's use raises: the same for every use of one token, so a double click or a retried
    /// form post is one decision to the orchestrator, which de-duplicates by id.
    /// </summary>
    public static string DecisionKeyOf(string token) =>
        "link-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));

    private static string LetterOf(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Decide => "d",
        LinkPurpose.Watch => "w",
        LinkPurpose.DecideTopology => "t",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a link purpose."),
    };

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty || !Base64Url.IsValid(text, out var length))
        {
            return false;
        }

        bytes = new byte[length];
        // Canonical encodings only: base64 leaves spare bits in the last character, and a link that decodes to the
        // same bytes from different text would be a second spelling of one token.
        return Base64Url.TryDecodeFromChars(text, bytes, out var written) && written == length
            && text.SequenceEqual(Base64Url.EncodeToString(bytes));
    }
}
