namespace PeeringFunctions.Registry.Audit;

/// <summary>Through what an <see cref="AuditEntry"/>'s actor acted.</summary>
public static class AuditChannels
{
    /// <summary>The JSON API (portal key or an approver key).</summary>
    public const string Http = "http";

    /// <summary>The portal's web pages (portal key).</summary>
    public const string Portal = "portal";

    /// <summary>A signed approval link sent to the receiver's approvers.</summary>
    public const string ApprovalLink = "approval-link";

    /// <summary>The signed status link the receiver watches (it may tear down from there).</summary>
    public const string StatusLink = "status-link";

    public const string Slack = "slack";
    public const string WeCom = "wecom";
    public const string Teams = "teams";

    /// <summary>The Tencent console, as the acceptance poller saw it.</summary>
    public const string Console = "console";

    /// <summary>The drift watcher's timer.</summary>
    public const string Watcher = "watcher";

    /// <summary>The app's own workflow (its steps and records).</summary>
    public const string Workflow = "workflow";

    /// <summary>A call the workflow made to Tencent's API with an account's credentials.</summary>
    public const string Tencent = "tencent";
}
