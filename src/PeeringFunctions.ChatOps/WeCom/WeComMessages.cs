using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PeeringFunctions.ChatOps.WeCom;

/// <summary>A decrypted WeCom callback: a text message or an event (template_card_event for card buttons).</summary>
public sealed record WeComInbound(
    string ToUserName,
    string FromUserName,
    string MsgType,
    string? Content,
    string? MsgId,
    string? Event,
    string? EventKey,
    string? TaskId,
    string? CreateTime,
    string? AgentId)
{
    public const string TemplateCardEvent = "template_card_event";
}

/// <summary>The XML of WeCom callbacks and passive replies. DTDs are refused; sizes are bounded.</summary>
public static class WeComMessages
{
    private const int MaxReplyBytes = 2000;

    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 256 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The &lt;Encrypt&gt; element of a POSTed envelope, or null when the body is not such XML.</summary>
    public static string? EncryptedPart(string body) => Load(body)?.Root?.Element("Encrypt")?.Value.Trim();

    public static WeComInbound? ParseInbound(string plaintext)
    {
        var root = Load(plaintext)?.Root;
        if (root is null)
        {
            return null;
        }

        string? Value(string name) => root.Element(name)?.Value is { Length: > 0 } value ? value.Trim() : null;
        string? CardValue(string name) => Value(name) ?? root.Element("TemplateCardEvent")?.Element(name)?.Value.Trim();

        var from = Value("FromUserName");
        var type = Value("MsgType");
        if (from is null || type is null)
        {
            return null;
        }

        return new WeComInbound(
            Value("ToUserName") ?? "",
            from,
            type,
            root.Element("Content")?.Value,
            Value("MsgId"),
            Value("Event"),
            CardValue("EventKey"),
            CardValue("TaskId"),
            Value("CreateTime"),
            Value("AgentID"));
    }

    /// <summary>The plaintext of a passive text reply, to be encrypted.</summary>
    public static string PassiveText(string toUser, string fromCorp, long createTime, string content) =>
        "<xml>" +
        $"<ToUserName>{CData(toUser)}</ToUserName>" +
        $"<FromUserName>{CData(fromCorp)}</FromUserName>" +
        $"<CreateTime>{createTime.ToString(CultureInfo.InvariantCulture)}</CreateTime>" +
        "<MsgType><![CDATA[text]]></MsgType>" +
        $"<Content>{CData(Fit(content))}</Content>" +
        "</xml>";

    /// <summary>The encrypted envelope WeCom expects as the HTTP answer.</summary>
    public static string Envelope(string encrypted, string signature, string timestamp, string nonce) =>
        "<xml>" +
        $"<Encrypt>{CData(encrypted)}</Encrypt>" +
        $"<MsgSignature>{CData(signature)}</MsgSignature>" +
        $"<TimeStamp>{timestamp}</TimeStamp>" +
        $"<Nonce>{CData(nonce)}</Nonce>" +
        "</xml>";

    public static string NewNonce() => RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);

    private static XDocument? Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Safe);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string CData(string text) =>
        "<![CDATA[" + Clean(text).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";

    /// <summary>Drops characters XML cannot carry.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>WeCom caps a text message at 2048 bytes.</summary>
    private static string Fit(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxReplyBytes)
        {
            return text;
        }

        var bytes = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxReplyBytes - 3)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return text[..end] + "…";
    }
}
