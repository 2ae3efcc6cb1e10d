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
    ActivationSchedule Activation);

/// <summary>One Tencent VPC action: its parameter schema, its default rate limit, and its effect on the store.</summary>
internal abstract class ActionHandler
{
    public abstract string Name { get; }

    /// <summary>Writes are counted separately and are what dropReply faults lose the reply of.</summary>
    public abstract bool IsWrite { get; }

    /// <summary>Per-account requests per second from spec §6, enforced when rate limiting is on.</summary>
    public abstract int RateLimitPerSecond { get; }

    public abstract ParameterSchema Schema { get; }

    /// <summary>Returns the action-specific fields of Response (RequestId is added by the pipeline).</summary>
    public abstract JsonObject Execute(ActionContext context);
}
