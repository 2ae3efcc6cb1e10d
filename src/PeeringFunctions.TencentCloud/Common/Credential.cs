namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// A Tencent Cloud API key pair, optionally with an STS session token (sent as X-TC-Token).
/// </summary>
public sealed class Credential
{
    public Credential()
    {
    }

    public Credential(string secretId, string secretKey, string? token = null)
    {
        SecretId = secretId;
        SecretKey = secretKey;
        Token = token;
    }

    public string SecretId { get; set; } = string.Empty;

    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Session token for temporary (STS / CAM role) credentials; null for long-term keys.</summary>
    public string? Token { get; set; }

    /// <summary>Never reveals SecretKey or Token, so a credential can end up in a log line safely.</summary>
    public override string ToString() =>
        $"Credential {{ SecretId = {MaskSecretId(SecretId)}, HasToken = {!string.IsNullOrEmpty(Token)} }}";

    /// <summary>Keeps the first four characters (the "AKID" prefix for real keys) and hides the rest.</summary>
    public static string MaskSecretId(string? secretId)
    {
        if (string.IsNullOrEmpty(secretId))
        {
            return "(empty)";
        }

        return secretId.Length <= 4 ? "***" : string.Concat(secretId.AsSpan(0, 4), "***");
    }
}
