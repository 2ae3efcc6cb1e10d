using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.ChatOps.Verification;

/// <summary>
/// Slack's v0 request signature: HMAC-SHA256 keyed with the signing secret over "v0:{timestamp}:{raw body}",
/// sent as "v0=" + lowercase hex in X-Slack-Signature, with X-Slack-Request-Timestamp in Unix seconds.
/// </summary>
public sealed class SlackRequestVerifier(IOptionsMonitor<ChatOpsOptions> options, TimeProvider time, ReplayGuard replays)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string Version = "v0";

    public VerificationResult Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(current.Slack.SigningSecret))
        {
            return VerificationFailure.NotConfigured;
        }

        if (!TimestampWindow.TryParseUnixSeconds(timestampHeader, out var timestamp)
            || signatureHeader is not { Length: 67 } || !signatureHeader.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return VerificationFailure.MissingCredentials;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signatureHeader.AsSpan(3));
        }
        catch (FormatException)
        {
            return VerificationFailure.MissingCredentials;
        }

        var expected = Mac(current.Slack.SigningSecret, timestampHeader!, body);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return VerificationFailure.BadSignature;
        }

        if (!TimestampWindow.Contains(time, timestamp, current.TimestampWindow))
        {
            return VerificationFailure.Expired;
        }

        return replays.TryRemember("slack:" + signatureHeader.ToLowerInvariant(), timestamp + current.TimestampWindow)
            ? VerificationResult.Valid()
            : VerificationFailure.Replayed;
    }

    /// <summary>The header value Slack would send for these bytes ("v0=…").</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body) =>
        Version + "=" + Convert.ToHexStringLower(Mac(signingSecret, timestamp, body));

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
    }
}
