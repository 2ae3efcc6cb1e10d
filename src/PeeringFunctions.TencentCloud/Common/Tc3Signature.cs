namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// Every intermediate value of one TC3-HMAC-SHA256 signing run. The derived keys are secret-equivalent for a day:
/// keep instances out of logs (ToString deliberately shows only the public parts).
/// </summary>
public sealed class Tc3Signature
{
    internal Tc3Signature(
        string hashedRequestPayload,
        string canonicalHeaders,
        string signedHeaders,
        string canonicalRequest,
        string hashedCanonicalRequest,
        string date,
        string credentialScope,
        string stringToSign,
        byte[] secretDate,
        byte[] secretService,
        byte[] secretSigning,
        string signature,
        string authorization)
    {
        HashedRequestPayload = hashedRequestPayload;
        CanonicalHeaders = canonicalHeaders;
        SignedHeaders = signedHeaders;
        CanonicalRequest = canonicalRequest;
        HashedCanonicalRequest = hashedCanonicalRequest;
        Date = date;
        CredentialScope = credentialScope;
        StringToSign = stringToSign;
        SecretDateHex = Convert.ToHexStringLower(secretDate);
        SecretServiceHex = Convert.ToHexStringLower(secretService);
        SecretSigningHex = Convert.ToHexStringLower(secretSigning);
        Signature = signature;
        Authorization = authorization;
    }

    public string HashedRequestPayload { get; }

    public string CanonicalHeaders { get; }

    public string SignedHeaders { get; }

    public string CanonicalRequest { get; }

    public string HashedCanonicalRequest { get; }

    /// <summary>UTC date of the timestamp, <c>yyyy-MM-dd</c>.</summary>
    public string Date { get; }

    public string CredentialScope { get; }

    public string StringToSign { get; }

    public string SecretDateHex { get; }

    public string SecretServiceHex { get; }

    public string SecretSigningHex { get; }

    public string Signature { get; }

    public string Authorization { get; }

    public override string ToString() => $"Tc3Signature {{ CredentialScope = {CredentialScope}, SignedHeaders = {SignedHeaders} }}";
}
