using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.ChatOps.Verification;

/// <summary>
/// Teams outgoing webhooks: "Authorization: HMAC {base64}", where the MAC is HMAC-SHA256 over the raw UTF-8 body
/// keyed with the base64-decoded security token. Teams sends no timestamp header, so once the MAC holds, the
/// activity's own "timestamp" must be inside the window; a body without one is refused.
/// </summary>
public sealed class TeamsRequestVerifier(IOptionsMonitor<ChatOpsOptions> options, TimeProvider time, ReplayGuard replays)
{
    private const string Scheme = "HMAC ";

    public VerificationResult Verify(string? authorizationHeader, ReadOnlySpan<byte> body)
    {
        var current = options.CurrentValue;
        if (KeyOf(current.Teams.SecurityToken) is not { } key)
        {
            return VerificationFailure.NotConfigured;
        }

        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return VerificationFailure.MissingCredentials;
        }

        var presentedText = authorizationHeader[Scheme.Length..].Trim();
        var presented = new byte[32];
        if (!Convert.TryFromBase64String(presentedText, presented, out var written) || written != presented.Length)
        {
            return VerificationFailure.MissingCredentials;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), presented))
        {
            return VerificationFailure.BadSignature;
        }

        if (TimestampOf(body) is not { } timestamp)
        {
            return VerificationFailure.Malformed;
        }

        if (!TimestampWindow.Contains(time, timestamp, current.TimestampWindow))
        {
            return VerificationFailure.Expired;
        }

        return replays.TryRemember("teams:" + Convert.ToBase64String(presented), timestamp + current.TimestampWindow)
            ? VerificationResult.Valid()
            : VerificationFailure.Replayed;
    }

    /// <summary>The Authorization header Teams would send for these bytes ("HMAC …").</summary>
    public static string Sign(string securityToken, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(securityToken) ?? throw new ArgumentException("The security token must be base64.", nameof(securityToken)), body));

    private static byte[]? KeyOf(string? securityToken)
    {
        if (string.IsNullOrWhiteSpace(securityToken))
        {
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(securityToken.Trim());
            return key.Length == 0 ? null : key;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static DateTimeOffset? TimestampOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("timestamp", out var value)
                && value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
                    ? timestamp
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
