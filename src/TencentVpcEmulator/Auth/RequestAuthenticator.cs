using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TencentVpcEmulator.Control;
using TencentVpcEmulator.Http;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Auth;

/// <summary>
/// Verifies a TC3-HMAC-SHA256 request (spec §2.1, §9) and returns the account owning the SecretId.
/// Order: header shape, timestamp window, SecretId, credential scope, signature, session token.
/// </summary>
internal sealed class RequestAuthenticator(VpcStore store, EmulatorClock clock)
{
    public const string Service = "vpc";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(300);

    private readonly SigningKeyCache _signingKeys = new();

    public AccountRecord Authenticate(ApiRequest request)
    {
        var auth = AuthorizationHeader.Parse(request.Header("Authorization"));

        var timestampText = request.Header("X-TC-Timestamp");
        if (string.IsNullOrWhiteSpace(timestampText))
        {
            throw new ApiException(ErrorCodes.MissingParameter, "The request is missing the required header `X-TC-Timestamp`.");
        }

        if (!long.TryParse(timestampText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, $"`X-TC-Timestamp` must be Unix time in seconds, got `{timestampText}`.");
        }

        var now = clock.UtcNow.ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > MaxClockSkew.TotalSeconds)
        {
            throw new ApiException(ErrorCodes.AuthFailureSignatureExpire,
                $"Signature expired: the request timestamp {timestamp} differs from the server time {now} by more than 300 seconds.");
        }

        AccountRecord? account;
        lock (store.Gate)
        {
            store.AccountsBySecretId.TryGetValue(auth.SecretId, out account);
        }

        if (account is null)
        {
            throw new ApiException(ErrorCodes.AuthFailureSecretIdNotFound, "The SecretId is not found, please ensure that your SecretId is correct.");
        }

        if (auth.Date != Tc3Signer.UtcDate(timestamp))
        {
            throw new ApiException(ErrorCodes.AuthFailureSignatureFailure,
                $"The credential scope date `{auth.Date}` does not match the UTC date of X-TC-Timestamp ({Tc3Signer.UtcDate(timestamp)}).");
        }

        if (auth.Service != Service)
        {
            throw new ApiException(ErrorCodes.AuthFailureSignatureFailure,
                $"The credential scope service `{auth.Service}` does not match this service (`{Service}`).");
        }

        if (!SignatureMatches(request, auth, account, timestamp))
        {
            throw new ApiException(ErrorCodes.AuthFailureSignatureFailure,
                "The provided credentials could not be validated. Please check your signature is correct.");
        }

        var token = request.Header("X-TC-Token");
        if (!string.IsNullOrEmpty(token) && account.Tokens.Count > 0 && !account.Tokens.Contains(token))
        {
            throw new ApiException(ErrorCodes.AuthFailureTokenFailure, "The X-TC-Token is invalid for this SecretId.");
        }

        return account;
    }

    private bool SignatureMatches(ApiRequest request, AuthorizationHeader auth, AccountRecord account, long timestamp)
    {
        var payloadHash = Tc3Signer.Sha256Hex(request.Body);
        var scope = Tc3Signer.CredentialScope(auth.Date, auth.Service);
        var key = _signingKeys.Get(account.SecretKey, auth.Date, auth.Service);
        var expected = Encoding.ASCII.GetBytes(auth.Signature);

        // The official Node SDK signs the hostname without the port but sends Host with it, so try both forms.
        foreach (var host in HostCandidates(request.Header("Host") ?? ""))
        {
            var headers = auth.SignedHeaders
                .Select(name => new KeyValuePair<string, string>(name, name == "host" ? host : request.Header(name) ?? ""))
                .ToList();
            var canonical = Tc3Signer.CanonicalRequest(request.Method.ToUpperInvariant(), request.Path, request.QueryString, headers, payloadHash);
            var signature = Tc3Signer.Signature(key, Tc3Signer.StringToSign(timestamp, scope, canonical));
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Host value as sent, then without its port (also for bracketed IPv6 literals).</summary>
    internal static IEnumerable<string> HostCandidates(string host)
    {
        host = host.Trim();
        yield return host;
        var colon = host.LastIndexOf(':');
        var closingBracket = host.LastIndexOf(']');
        if (colon > 0 && colon > closingBracket && host.AsSpan(colon + 1).ToString().All(char.IsAsciiDigit))
        {
            yield return host[..colon];
        }
    }
}
