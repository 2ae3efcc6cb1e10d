using System.Security.Cryptography;
using System.Text;

namespace TencentVpcEmulator.Tests.Support;

/// <summary>
/// Minimal TC3-HMAC-SHA256 signer for the tests (spec §2.1), kept separate from the emulator's verifier so the two
/// check each other; it is checked itself against the published vector A.
/// </summary>
internal static class TestSigner
{
    public static string Authorization(
        string secretId,
        string secretKey,
        string service,
        long timestamp,
        string date,
        IReadOnlyList<(string Name, string Value)> signedHeaders,
        byte[] body,
        string method = "POST",
        string query = "")
    {
        var canonicalHeaders = string.Concat(signedHeaders.Select(h => $"{h.Name}:{h.Value.Trim().ToLowerInvariant()}\n"));
        var names = string.Join(";", signedHeaders.Select(h => h.Name));
        var canonicalRequest = $"{method}\n/\n{query}\n{canonicalHeaders}\n{names}\n{Hex(SHA256.HashData(body))}";
        var scope = $"{date}/{service}/tc3_request";
        var stringToSign = $"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date), service), "tc3_request");
        var signature = Hex(Hmac(key, stringToSign));
        return $"TC3-HMAC-SHA256 Credential={secretId}/{scope}, SignedHeaders={names}, Signature={signature}";
    }

    public static string UtcDate(long timestamp) => DateTimeOffset.FromUnixTimeSeconds(timestamp).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
