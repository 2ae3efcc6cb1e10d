using System.Text.RegularExpressions;
using TencentVpcEmulator.Protocol;

namespace TencentVpcEmulator.Auth;

/// <summary>
/// The parsed "TC3-HMAC-SHA256 Credential=&lt;SecretId&gt;/&lt;date&gt;/&lt;service&gt;/tc3_request, SignedHeaders=a;b, Signature=&lt;hex&gt;".
/// Anything that does not have this shape is AuthFailure.InvalidAuthorization.
/// </summary>
internal sealed partial record AuthorizationHeader(
    string SecretId,
    string Date,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexSignature();

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();

    public static AuthorizationHeader Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw Invalid("the Authorization header is missing");
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || header[..space] != Tc3Signer.Algorithm)
        {
            throw Invalid($"the signing algorithm must be {Tc3Signer.Algorithm}");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(space + 1)..].Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Invalid("expected Credential=..., SignedHeaders=..., Signature=...");
            }

            if (!fields.TryAdd(part[..eq].Trim(), part[(eq + 1)..].Trim()))
            {
                throw Invalid($"'{part[..eq].Trim()}' appears twice");
            }
        }

        if (!fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature)
            || fields.Count != 3)
        {
            throw Invalid("expected exactly Credential, SignedHeaders and Signature");
        }

        var scope = credential.Split('/');
        if (scope.Length != 4 || scope.Take(3).Any(string.IsNullOrEmpty) || scope[3] != Tc3Signer.Terminator)
        {
            throw Invalid("Credential must be <SecretId>/<yyyy-MM-dd>/<service>/tc3_request");
        }

        var names = signedHeaders.Split(';');
        if (names.Any(n => !HeaderName().IsMatch(n)) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw Invalid("SignedHeaders must be distinct lower-case header names separated by ';'");
        }

        if (!names.Contains("content-type") || !names.Contains("host"))
        {
            throw Invalid("SignedHeaders must include content-type and host");
        }

        if (!HexSignature().IsMatch(signature))
        {
            throw Invalid("Signature must be 64 lower-case hex characters");
        }

        return new AuthorizationHeader(scope[0], scope[1], scope[2], names, signature);
    }

    private static ApiException Invalid(string why) =>
        new(ErrorCodes.AuthFailureInvalidAuthorization, $"The Authorization header is invalid: {why}.");
}
