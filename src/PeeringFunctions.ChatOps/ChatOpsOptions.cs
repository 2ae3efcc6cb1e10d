namespace PeeringFunctions.ChatOps;

/// <summary>
/// The "ChatOps" configuration section. Secrets (signing secrets, tokens, AES keys, webhook URLs that carry keys)
/// come from Key Vault references or user secrets; none of them is ever logged, echoed or passed to Durable.
/// </summary>
public sealed class ChatOpsOptions
{
    public const string SectionName = "ChatOps";

    /// <summary>How far a request's timestamp may be from now, either way; also how long a seen signature is remembered.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    public SlackOptions Slack { get; set; } = new();

    public WeComOptions WeCom { get; set; } = new();

    public TeamsOptions Teams { get; set; } = new();

    /// <summary>
    /// Per managed account alias, the chat users who may accept, reject and tear down its peerings (and request one
    /// from it), as "platform:id": "slack:U2CERLKJA", "wecom:ChenJiaShun", "teams:29:1abc".
    /// </summary>
    public Dictionary<string, List<string>> Approvers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per managed account alias, where its notifications go.</summary>
    public Dictionary<string, ChatChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ChatNotificationOptions Notifications { get; set; } = new();

    public override string ToString() => $"ChatOps ({Approvers.Count} approver list(s), {Channels.Count} channel set(s))";
}

public sealed class SlackOptions
{
    /// <summary>The app's signing secret (Basic Information → App Credentials).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Slack's deadline is 3 s; a slower command is answered "working on it" and finished via response_url.</summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Hosts a response_url may point at; anything else is never called.</summary>
    public List<string> ResponseUrlHosts { get; set; } = ["hooks.slack.com"];

    public override string ToString() => "Slack options";
}

public sealed class WeComOptions
{
    /// <summary>The callback Token of the self-built app (接收消息 → Token).</summary>
    public string? Token { get; set; }

    /// <summary>The 43-character EncodingAESKey of the callback.</summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>The CorpID (企业ID), the receive id every callback carries.</summary>
    public string? CorpId { get; set; }

    /// <summary>WeCom waits 5 s before it retries a callback.</summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    public override string ToString() => "WeCom options";
}

public sealed class TeamsOptions
{
    /// <summary>The base64 security token Teams showed when the outgoing webhook was created.</summary>
    public string? SecurityToken { get; set; }

    /// <summary>Teams waits 5 s for an outgoing webhook's answer.</summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    public override string ToString() => "Teams options";
}

/// <summary>One account's chat channels; any of them may be empty. The URLs carry keys: treat them as secrets.</summary>
public sealed class ChatChannelOptions
{
    /// <summary>WeCom group robot: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…</summary>
    public string? WeComRobotUrl { get; set; }

    /// <summary>Slack incoming webhook of the app: https://hooks.slack.com/services/…</summary>
    public string? SlackWebhookUrl { get; set; }

    /// <summary>Teams Workflows "When a Teams webhook request is received" URL.</summary>
    public string? TeamsWorkflowUrl { get; set; }

    public override string ToString() => "chat channels";
}

/// <summary>Outbound calls: a chat outage costs at most about <see cref="TotalTimeout"/> per channel and never fails a peering.</summary>
public sealed class ChatNotificationOptions
{
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
