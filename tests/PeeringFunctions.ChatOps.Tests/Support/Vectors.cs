namespace PeeringFunctions.ChatOps.Tests.Support;

/// <summary>Published test vectors (see shared/research/anchors.md, section C). Data only.</summary>
internal static class Vectors
{
    /// <summary>Slack's "verifying requests" example.</summary>
    public static class Slack
    {
        public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
        public const string Timestamp = "1531420618";
        public const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

        public const string Body =
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
            "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=" +
            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN" +
            "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    }

    /// <summary>Tencent's WXBizMsgCrypt sample (callback/Sample.py).</summary>
    public static class WeCom
    {
        public const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
        public const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
        public const string CorpId = "ww1436e0e65a779aee";

        public const string UrlSignature = "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb";
        public const string UrlTimestamp = "1476416373";
        public const string UrlNonce = "47744683";
        public const string EchoStr = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
        public const string EchoPlaintext = "1288432023552776189";

        public const string PostSignature = "0c3914025cb4b4d68103f6bfc8db550f79dcf48e";
        public const string PostTimestamp = "1476422779";
        public const string PostNonce = "1597212914";

        public const string PostEncrypt =
            "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";

        public const string PostBody =
            "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n<Encrypt><![CDATA[" + PostEncrypt + "]]></Encrypt>\n" +
            "<AgentID><![CDATA[1000002]]></AgentID>\n</xml>";

        public const string PostPlaintext =
            "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>" +
            "<MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";

        /// <summary>The older documentation example: another token, so only its signature is checked.</summary>
        public const string OldDocToken = "QDG6eK";
        public const string OldDocTimestamp = "1409659589";
        public const string OldDocNonce = "263014780";
        public const string OldDocEchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        public const string OldDocSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";

        public static readonly DateTimeOffset UrlNow = DateTimeOffset.FromUnixTimeSeconds(1476416373);
        public static readonly DateTimeOffset PostNow = DateTimeOffset.FromUnixTimeSeconds(1476422779);
    }

    /// <summary>Teams: the documented key, with a locally generated body (the docs publish no body).</summary>
    public static class Teams
    {
        public const string SecurityToken = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=";
        public const string FixtureBody = "{\"type\":\"message\",\"text\":\"<at>peering</at> approve pcx-abc123\"}";
        public const string FixtureAuthorization = "HMAC u/DFwGPLoCKVWxQpqasYxiHrrDWWx2qBvpWSym4sQtE=";
    }
}
