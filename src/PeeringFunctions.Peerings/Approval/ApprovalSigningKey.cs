using System.Security.Cryptography;
using System.Text;

namespace PeeringFunctions.Peerings.Approval;

/// <summary>
/// The key approval links are signed with: Portal:ApprovalSigningKey, or — only where the host allows it (the local
/// host) — a random key made at start-up, which dies with the process and every link signed with it. The configured
/// text is never used directly: an HMAC under a fixed label derives the key, so the same secret used elsewhere still
/// signs nothing but approval links.
/// </summary>
public sealed class ApprovalSigningKey
{
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("PeeringFunctions.Portal approval links v1");
    private readonly byte[]? key;

    private ApprovalSigningKey(byte[]? key, bool isEphemeral, string? problem)
    {
        this.key = key;
        IsEphemeral = isEphemeral;
        Problem = problem;
    }

    /// <summary>False when no usable key is configured (and none may be made up): no link is issued or accepted.</summary>
    public bool IsConfigured => key is not null;

    /// <summary>True for the random key of one local run.</summary>
    public bool IsEphemeral { get; }

    /// <summary>Why there is no key, for an operator (never the key itself).</summary>
    public string? Problem { get; }

    public static ApprovalSigningKey From(string? configured, bool allowEphemeral)
    {
        var text = configured?.Trim();
        if (KeyVaultReferences.IsUnresolved(text))
        {
            // An unresolved Key Vault reference arrives as its own (public) text: never a key.
            return new ApprovalSigningKey(null, false, "Portal:ApprovalSigningKey is a Key Vault reference the platform could not resolve.");
        }

        if (!string.IsNullOrEmpty(text) && text.Length >= PortalOptions.MinimumSigningKeyLength)
        {
            return new ApprovalSigningKey(Derive(Encoding.UTF8.GetBytes(text)), false, null);
        }

        var problem = string.IsNullOrEmpty(text)
            ? "Portal:ApprovalSigningKey is not configured."
            : $"Portal:ApprovalSigningKey is shorter than {PortalOptions.MinimumSigningKeyLength} characters.";
        return allowEphemeral
            ? new ApprovalSigningKey(Derive(RandomNumberGenerator.GetBytes(32)), true, null)
            : new ApprovalSigningKey(null, false, problem);
    }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under the key.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data) =>
        key is null ? throw new InvalidOperationException(Problem) : HMACSHA256.HashData(key, data);

    private static byte[] Derive(byte[] secret) => HMACSHA256.HashData(secret, Label);

    public override string ToString() => IsConfigured ? (IsEphemeral ? "approval signing key (random, this run only)" : "approval signing key") : "no approval signing key";
}
