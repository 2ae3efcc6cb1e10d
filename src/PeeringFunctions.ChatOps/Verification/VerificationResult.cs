namespace PeeringFunctions.ChatOps.Verification;

/// <summary>Why a webhook request was refused. None of them says anything about the secret.</summary>
public enum VerificationFailure
{
    None,

    /// <summary>The platform's secret is not configured here: every request is refused.</summary>
    NotConfigured,

    /// <summary>A signature or timestamp header or parameter is missing or unreadable.</summary>
    MissingCredentials,

    BadSignature,

    /// <summary>Signed correctly, but outside the timestamp window.</summary>
    Expired,

    /// <summary>Signed correctly and on time, but this exact request was seen before.</summary>
    Replayed,

    /// <summary>Signed correctly, but the payload cannot be read (bad ciphertext, wrong receive id, no timestamp).</summary>
    Malformed,
}

public readonly record struct VerificationResult(VerificationFailure Failure, string? Plaintext = null)
{
    public bool IsValid => Failure == VerificationFailure.None;

    public static VerificationResult Valid(string? plaintext = null) => new(VerificationFailure.None, plaintext);

    public static implicit operator VerificationResult(VerificationFailure failure) => new(failure);
}
