using System.Security.Cryptography;
using System.Text;

namespace PeeringFunctions.TencentCloud.Tests.Support;

/// <summary>
/// A second, deliberately naive TC3-HMAC-SHA256 implementation written straight from spec §2.1 (HMAC objects,
/// BitConverter hex, one interpolated canonical request). Values the spec does not publish are only trusted when
/// this and <see cref="Common.Tc3Signer"/> agree.
/// </summary>
internal static class ReferenceTc3
{
    internal sealed record Result(string HashedPayload, string HashedCanonicalRequest, string SecretDate, string SecretService, string SecretSigning, string Signature, string Authorization);

    public static Result SignPost(string host, string contentType, byte[] payload, long timestamp, string service, string secretId, string secretKey) =>
        Sign("POST", string.Empty, host, contentType, payload, timestamp, service, secretId, secretKey);

    public static Result Sign(string method, string query, string host, string contentType, byte[] payload, long timestamp, string service, string secretId, string secretKey)
    {
        var hashedPayload = Hex(SHA256.Create().ComputeHash(payload));
        var canonicalRequest =
            $"{method}\n/\n{query}\ncontent-type:{contentType.ToLowerInvariant()}\nhost:{host.ToLowerInvariant()}\n\ncontent-type;host\n{hashedPayload}";
        var hashedCanonicalRequest = Hex(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(canonicalRequest)));

        var date = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(timestamp).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scope = date + "/" + service + "/tc3_request";
        var stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + hashedCanonicalRequest;

        var secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var secretService = Hmac(secretDate, service);
        var secretSigning = Hmac(secretService, "tc3_request");
        var signature = Hex(Hmac(secretSigning, stringToSign));

        return new Result(
            hashedPayload,
            hashedCanonicalRequest,
            Hex(secretDate),
            Hex(secretService),
            Hex(secretSigning),
            signature,
            "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + signature);
    }

    private static byte[] Hmac(byte[] key, string message)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
    }

    private static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
