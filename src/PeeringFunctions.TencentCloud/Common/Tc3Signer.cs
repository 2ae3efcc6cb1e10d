using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// TC3-HMAC-SHA256 request signing (spec §2.1) as pure functions. Each step is public so tests can compare the
/// intermediate values with the ones Tencent publishes.
/// </summary>
public static class Tc3Signer
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    /// <summary>The fixed last element of the credential scope and of the key derivation.</summary>
    public const string TerminationString = "tc3_request";

    /// <summary>
    /// Signs one request. <paramref name="payload"/> must be exactly the bytes sent on the wire;
    /// <paramref name="extraSignedHeaders"/> adds headers beyond the mandatory <c>content-type</c> and <c>host</c>.
    /// </summary>
    public static Tc3Signature Sign(
        string method,
        string canonicalUri,
        string canonicalQueryString,
        string host,
        string contentType,
        ReadOnlySpan<byte> payload,
        long timestamp,
        string service,
        string secretId,
        string secretKey,
        IEnumerable<KeyValuePair<string, string>>? extraSignedHeaders = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(canonicalUri);
        ArgumentNullException.ThrowIfNull(canonicalQueryString);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentNullException.ThrowIfNull(secretId);
        ArgumentNullException.ThrowIfNull(secretKey);

        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", contentType),
            new("host", host),
        };
        if (extraSignedHeaders is not null)
        {
            headers.AddRange(extraSignedHeaders);
        }

        var (canonicalHeaders, signedHeaders) = BuildCanonicalHeaders(headers);
        var hashedPayload = HashHex(payload);
        var canonicalRequest = BuildCanonicalRequest(method, canonicalUri, canonicalQueryString, canonicalHeaders, signedHeaders, hashedPayload);
        var hashedCanonicalRequest = HashHex(Encoding.UTF8.GetBytes(canonicalRequest));
        var date = FormatDate(timestamp);
        var credentialScope = BuildCredentialScope(date, service);
        var stringToSign = BuildStringToSign(timestamp, credentialScope, hashedCanonicalRequest);
        var secretDate = DeriveSecretDate(secretKey, date);
        var secretService = HmacSha256(secretDate, service);
        var secretSigning = HmacSha256(secretService, TerminationString);
        var signature = ComputeSignature(secretSigning, stringToSign);
        var authorization = BuildAuthorization(secretId, credentialScope, signedHeaders, signature);

        return new Tc3Signature(
            hashedPayload,
            canonicalHeaders,
            signedHeaders,
            canonicalRequest,
            hashedCanonicalRequest,
            date,
            credentialScope,
            stringToSign,
            secretDate,
            secretService,
            secretSigning,
            signature,
            authorization);
    }

    /// <summary>
    /// Builds the CanonicalHeaders block (<c>name:value\n</c> per header) and SignedHeaders list. Names and values
    /// are lower-cased and values trimmed, as the signature v3 documentation prescribes; headers are sorted by name.
    /// </summary>
    public static (string CanonicalHeaders, string SignedHeaders) BuildCanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);

        var normalized = headers
            .Select(h => new KeyValuePair<string, string>(
                h.Key.Trim().ToLowerInvariant(),
                (h.Value ?? string.Empty).Trim().ToLowerInvariant()))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();

        for (var i = 1; i < normalized.Count; i++)
        {
            if (normalized[i].Key == normalized[i - 1].Key)
            {
                throw new ArgumentException($"Header '{normalized[i].Key}' is listed twice.", nameof(headers));
            }
        }

        var canonical = new StringBuilder();
        foreach (var (name, value) in normalized)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        return (canonical.ToString(), string.Join(';', normalized.Select(h => h.Key)));
    }

    /// <summary>The six lines of the canonical request joined by <c>\n</c> (no trailing newline).</summary>
    public static string BuildCanonicalRequest(
        string method,
        string canonicalUri,
        string canonicalQueryString,
        string canonicalHeaders,
        string signedHeaders,
        string hashedPayload) =>
        string.Join('\n', method.ToUpperInvariant(), canonicalUri, canonicalQueryString, canonicalHeaders, signedHeaders, hashedPayload);

    /// <summary>The UTC calendar date of a Unix timestamp, <c>yyyy-MM-dd</c> (never local time).</summary>
    public static string FormatDate(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>Date/service/tc3_request</c>.</summary>
    public static string BuildCredentialScope(string date, string service) => $"{date}/{service}/{TerminationString}";

    /// <summary>Algorithm, timestamp, credential scope and hashed canonical request joined by <c>\n</c>.</summary>
    public static string BuildStringToSign(long timestamp, string credentialScope, string hashedCanonicalRequest) =>
        string.Join(
            '\n',
            Algorithm,
            timestamp.ToString(CultureInfo.InvariantCulture),
            credentialScope,
            hashedCanonicalRequest);

    /// <summary>SecretDate = HMAC("TC3" + SecretKey, Date).</summary>
    public static byte[] DeriveSecretDate(string secretKey, string date) =>
        HmacSha256(Encoding.UTF8.GetBytes("TC3" + secretKey), date);

    /// <summary>SecretSigning = HMAC(HMAC(SecretDate, service), "tc3_request").</summary>
    public static byte[] DeriveSigningKey(string secretKey, string date, string service) =>
        HmacSha256(HmacSha256(DeriveSecretDate(secretKey, date), service), TerminationString);

    /// <summary>Lower-case hex of HMAC(SecretSigning, StringToSign).</summary>
    public static string ComputeSignature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HmacSha256(signingKey, stringToSign));

    /// <summary>The full Authorization header value.</summary>
    public static string BuildAuthorization(string secretId, string credentialScope, string signedHeaders, string signature) =>
        $"{Algorithm} Credential={secretId}/{credentialScope}, SignedHeaders={signedHeaders}, Signature={signature}";

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>HMAC-SHA256 with the key first, returning raw bytes (what the key derivation chains on).</summary>
    public static byte[] HmacSha256(byte[] key, string message) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
}
