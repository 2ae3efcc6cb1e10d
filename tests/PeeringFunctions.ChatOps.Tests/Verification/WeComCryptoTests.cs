using System.Text;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Tests.Verification;

/// <summary>WeCom's msg_signature and AES callback encryption, with the official WXBizMsgCrypt sample vectors.</summary>
public sealed class WeComCryptoTests
{
    private FakeTimeProvider time = new(Vectors.WeCom.PostNow);

    private static WeComCrypto Crypto(string corpId = Vectors.WeCom.CorpId) => new(Vectors.WeCom.Token, Vectors.WeCom.EncodingAesKey, corpId);

    private WeComRequestVerifier Verifier(string? aesKey = Vectors.WeCom.EncodingAesKey) =>
        new(new StaticOptions<ChatOpsOptions>(new ChatOpsOptions
        {
            WeCom = { Token = Vectors.WeCom.Token, EncodingAesKey = aesKey, CorpId = Vectors.WeCom.CorpId },
        }), time, new ReplayGuard(time));

    [Fact]
    public void The_official_URL_verification_vector_has_the_official_signature()
    {
        Assert.Equal(Vectors.WeCom.UrlSignature,
            WeComCrypto.Signature(Vectors.WeCom.Token, Vectors.WeCom.UrlTimestamp, Vectors.WeCom.UrlNonce, Vectors.WeCom.EchoStr));
    }

    [Fact]
    public void The_official_POST_vector_has_the_official_signature()
    {
        Assert.Equal(Vectors.WeCom.PostSignature,
            WeComCrypto.Signature(Vectors.WeCom.Token, Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, Vectors.WeCom.PostEncrypt));
    }

    [Fact]
    public void The_older_documentation_example_has_its_documented_signature()
    {
        Assert.Equal(Vectors.WeCom.OldDocSignature,
            WeComCrypto.Signature(Vectors.WeCom.OldDocToken, Vectors.WeCom.OldDocTimestamp, Vectors.WeCom.OldDocNonce, Vectors.WeCom.OldDocEchoStr));
    }

    [Fact]
    public void The_official_echostr_verifies_and_decrypts_to_the_official_plaintext()
    {
        time = new FakeTimeProvider(Vectors.WeCom.UrlNow);

        var result = Verifier().VerifyUrl(Vectors.WeCom.UrlSignature, Vectors.WeCom.UrlTimestamp, Vectors.WeCom.UrlNonce, Vectors.WeCom.EchoStr);

        Assert.True(result.IsValid, result.Failure.ToString());
        Assert.Equal(Vectors.WeCom.EchoPlaintext, result.Plaintext);
    }

    [Fact]
    public void An_echostr_whose_plus_signs_became_spaces_in_the_query_still_verifies()
    {
        time = new FakeTimeProvider(Vectors.WeCom.UrlNow);

        var result = Verifier().VerifyUrl(Vectors.WeCom.UrlSignature, Vectors.WeCom.UrlTimestamp, Vectors.WeCom.UrlNonce, Vectors.WeCom.EchoStr.Replace('+', ' '));

        Assert.Equal(Vectors.WeCom.EchoPlaintext, result.Plaintext);
    }

    [Fact]
    public void The_official_POST_vector_verifies_and_decrypts_to_ChenJiaShuns_text_message()
    {
        var result = Verifier().VerifyMessage(Vectors.WeCom.PostSignature, Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, Vectors.WeCom.PostEncrypt);

        Assert.True(result.IsValid, result.Failure.ToString());
        Assert.Equal(Vectors.WeCom.PostPlaintext, result.Plaintext);
    }

    [Theory]
    [InlineData("peering-vpc-alpha001-vpc-beta0001")]
    [InlineData("<xml><Content><![CDATA[同意 peering-vpc-alpha001-vpc-beta0001]]></Content></xml>")]
    [InlineData("")]
    [InlineData("exactly 12 b")]
    public void Encrypting_then_decrypting_gives_the_message_back(string message)
    {
        var crypto = Crypto();

        var first = crypto.Encrypt(message);
        var second = crypto.Encrypt(message);

        Assert.Equal(message, crypto.Decrypt(first));
        Assert.NotEqual(first, second); // a fresh random prefix each time
        Assert.Equal(0, Convert.FromBase64String(first).Length % 32);
    }

    [Fact]
    public void A_long_message_round_trips()
    {
        var message = string.Concat(Enumerable.Repeat("对等连接 peering ", 500));

        Assert.Equal(message, Crypto().Decrypt(Crypto().Encrypt(message)));
    }

    [Fact]
    public void A_message_encrypted_for_another_corp_is_refused()
    {
        var foreign = Crypto("ww0000000000000000").Encrypt("hello");

        Assert.Null(Crypto().Decrypt(foreign));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Ciphertext_that_is_not_AES_blocks_is_refused(string encrypted)
    {
        Assert.Null(Crypto().Decrypt(encrypted));
    }

    [Fact]
    public void Tampered_ciphertext_is_refused_as_a_bad_signature()
    {
        var tampered = "A" + Vectors.WeCom.PostEncrypt[1..];

        var result = Verifier().VerifyMessage(Vectors.WeCom.PostSignature, Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, tampered);

        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
        Assert.Null(result.Plaintext);
    }

    [Fact]
    public void A_wrong_signature_is_refused()
    {
        var result = Verifier().VerifyMessage("0c3914025cb4b4d68103f6bfc8db550f79dcf48f", Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, Vectors.WeCom.PostEncrypt);

        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void A_changed_nonce_breaks_the_signature()
    {
        var result = Verifier().VerifyMessage(Vectors.WeCom.PostSignature, Vectors.WeCom.PostTimestamp, "1597212915", Vectors.WeCom.PostEncrypt);

        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
    }

    [Theory]
    [InlineData(null, Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce)]
    [InlineData("0c3914", Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce)]
    [InlineData(Vectors.WeCom.PostSignature, null, Vectors.WeCom.PostNonce)]
    [InlineData(Vectors.WeCom.PostSignature, "soon", Vectors.WeCom.PostNonce)]
    [InlineData(Vectors.WeCom.PostSignature, Vectors.WeCom.PostTimestamp, null)]
    public void Missing_parameters_are_refused(string? signature, string? timestamp, string? nonce)
    {
        Assert.Equal(VerificationFailure.MissingCredentials, Verifier().VerifyMessage(signature, timestamp, nonce, Vectors.WeCom.PostEncrypt).Failure);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void The_timestamp_must_be_within_five_minutes_either_way(int secondsFromNow, bool accepted)
    {
        time = new FakeTimeProvider(Vectors.WeCom.PostNow - TimeSpan.FromSeconds(secondsFromNow));

        var result = Verifier().VerifyMessage(Vectors.WeCom.PostSignature, Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, Vectors.WeCom.PostEncrypt);

        Assert.Equal(accepted ? VerificationFailure.None : VerificationFailure.Expired, result.Failure);
    }

    [Fact]
    public void The_same_callback_is_refused_as_a_replay_the_second_time()
    {
        var verifier = Verifier();

        Assert.True(verifier.VerifyMessage(Vectors.WeCom.PostSignature, Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, Vectors.WeCom.PostEncrypt).IsValid);
        time.Advance(TimeSpan.FromSeconds(5));
        var again = verifier.VerifyMessage(Vectors.WeCom.PostSignature.ToUpperInvariant(), Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, Vectors.WeCom.PostEncrypt);

        Assert.Equal(VerificationFailure.Replayed, again.Failure);
        Assert.Null(again.Plaintext);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tooShort")]
    [InlineData("6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU!")]
    public void A_missing_or_malformed_EncodingAESKey_refuses_everything(string? aesKey)
    {
        var result = Verifier(aesKey).VerifyMessage(Vectors.WeCom.PostSignature, Vectors.WeCom.PostTimestamp, Vectors.WeCom.PostNonce, Vectors.WeCom.PostEncrypt);

        Assert.Equal(VerificationFailure.NotConfigured, result.Failure);
    }

    [Fact]
    public void A_signed_reply_verifies_with_the_same_token()
    {
        var crypto = Crypto();
        var encrypted = crypto.Encrypt("<xml><Content>ok</Content></xml>");

        Assert.True(crypto.SignatureMatches(crypto.Sign("1476422779", "42", encrypted), "1476422779", "42", encrypted));
        Assert.Equal("<xml><Content>ok</Content></xml>", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(crypto.Decrypt(encrypted)!)));
    }
}
