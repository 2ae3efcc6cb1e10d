using Microsoft.Extensions.Options;

namespace PeeringFunctions.ChatOps.Verification;

/// <summary>
/// Verifies a WeCom callback (GET URL verification or POST message) and decrypts it: signature first, then the
/// timestamp window, then the replay guard, then the ciphertext (which must name our CorpID).
/// </summary>
public sealed class WeComRequestVerifier(IOptionsMonitor<ChatOpsOptions> options, TimeProvider time, ReplayGuard replays)
{
    /// <summary>GET: the echostr decrypted (to be answered verbatim as text/plain).</summary>
    public VerificationResult VerifyUrl(string? msgSignature, string? timestamp, string? nonce, string? echostr) =>
        Verify("wecom-url:", msgSignature, timestamp, nonce, echostr?.Replace(' ', '+'));

    /// <summary>POST: the plaintext XML inside the &lt;Encrypt&gt; element.</summary>
    public VerificationResult VerifyMessage(string? msgSignature, string? timestamp, string? nonce, string? encrypted) =>
        Verify("wecom:", msgSignature, timestamp, nonce, encrypted);

    /// <summary>The crypto for the configured callback, or null when any of Token, EncodingAesKey, CorpId is missing or bad.</summary>
    public WeComCrypto? Crypto()
    {
        var weCom = options.CurrentValue.WeCom;
        return string.IsNullOrEmpty(weCom.Token) || string.IsNullOrEmpty(weCom.CorpId) || WeComCrypto.KeyOf(weCom.EncodingAesKey) is null
            ? null
            : new WeComCrypto(weCom.Token, weCom.EncodingAesKey!, weCom.CorpId);
    }

    private VerificationResult Verify(string replayPrefix, string? msgSignature, string? timestampText, string? nonce, string? encrypted)
    {
        if (Crypto() is not { } crypto)
        {
            return VerificationFailure.NotConfigured;
        }

        if (msgSignature is not { Length: 40 } || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(encrypted)
            || !TimestampWindow.TryParseUnixSeconds(timestampText, out var timestamp))
        {
            return VerificationFailure.MissingCredentials;
        }

        if (!crypto.SignatureMatches(msgSignature, timestampText!, nonce, encrypted))
        {
            return VerificationFailure.BadSignature;
        }

        var window = options.CurrentValue.TimestampWindow;
        if (!TimestampWindow.Contains(time, timestamp, window))
        {
            return VerificationFailure.Expired;
        }

        if (!replays.TryRemember(replayPrefix + msgSignature.ToLowerInvariant(), timestamp + window))
        {
            return VerificationFailure.Replayed;
        }

        return crypto.Decrypt(encrypted) is { } plaintext ? VerificationResult.Valid(plaintext) : VerificationFailure.Malformed;
    }
}
