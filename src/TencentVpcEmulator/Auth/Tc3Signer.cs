using System.Security.Cryptography;
using System.Text;

namespace TencentVpcEmulator.Auth;

/// <summary>
/// TC3-HMAC-SHA256 as described in the Tencent "Signature v3" pages (spec §2.1), written from the spec for the
/// server side: it recomputes what a correct client must have signed.
/// </summary>
internal static class Tc3Signer
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string Terminator = "tc3_request";

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>
    /// Six lines joined by \n: method, URI, query, canonical headers (each "name:value\n", hence the blank line),
    /// signed header names, payload hash. Header values are lower-cased and trimmed.
    /// </summary>
    public static string CanonicalRequest(
        string method,
        string canonicalUri,
        string canonicalQuery,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        string payloadHashHex)
    {
        var headerBlock = new StringBuilder();
        foreach (var (name, value) in signedHeaders)
        {
            headerBlock.Append(name.ToLowerInvariant()).Append(':').Append(value.Trim().ToLowerInvariant()).Append('\n');
        }

        var names = string.Join(';', signedHeaders.Select(h => h.Key.ToLowerInvariant()));
        return string.Join('\n', method, canonicalUri, canonicalQuery, headerBlock.ToString(), names, payloadHashHex);
    }

    public static string CredentialScope(string date, string service) => $"{date}/{service}/{Terminator}";

    public static string StringToSign(long timestamp, string credentialScope, string canonicalRequest) =>
        string.Join('\n', Algorithm, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), credentialScope,
            Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>SecretDate = HMAC("TC3"+key, date); SecretService = HMAC(SecretDate, service); SecretSigning = HMAC(SecretService, "tc3_request").</summary>
    public static byte[] SigningKey(string secretKey, string date, string service)
    {
        var secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var secretService = Hmac(secretDate, service);
        return Hmac(secretService, Terminator);
    }

    public static string Signature(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    /// <summary>UTC calendar date of a Unix timestamp, the Date part of the credential scope.</summary>
    public static string UtcDate(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
}
