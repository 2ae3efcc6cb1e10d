using System.Text.Json.Nodes;
using TencentVpcEmulator.Activation;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>Everything a handler may use; it runs while the store lock is held and must not block or await.</summary>
internal sealed record ActionContext(
    AccountRecord Caller,
    string Region,
    RequestParameters Parameters,
    VpcStore Store,
    DateTimeOffset Now,
    EmulatorOptions Options,
    ActivationSchedule Activation,
    ActionErrors Errors);

/// <summary>One Tencent VPC action: its parameter schema, its default rate limit, and its effect on the store.</summary>
internal abstract class ActionHandler
{
    private ActionErrors? _errors;

    public abstract string Name { get; }

    /// <summary>The codes this action gives for the checks every action makes, from its documented list.</summary>
    public ActionErrors Errors => _errors ??= new ActionErrors(Name);

    /// <summary>Writes are counted separately and are what dropReply faults lose the reply of.</summary>
    public abstract bool IsWrite { get; }

    /// <summary>Per-account requests per second from spec §6, enforced when rate limiting is on.</summary>
    public abstract int RateLimitPerSecond { get; }

    public abstract ParameterSchema Schema { get; }

    /// <summary>Returns the action-specific fields of Response (RequestId is added by the pipeline).</summary>
    public abstract JsonObject Execute(ActionContext context);
}
