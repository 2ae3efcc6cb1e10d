using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>How to start an <see cref="InProcessDurableEngine"/>.</summary>
public sealed class InProcessDurableEngineOptions
{
    /// <summary>The orchestrators and activities the worker runs, e.g. WorkflowRegistration.Register.</summary>
    public Action<DurableTaskRegistry> RegisterTasks { get; set; } = _ => { };

    /// <summary>Services the tasks need (activities are built from the worker's container).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Loopback port of the sidecar; 0 (default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// In-flight orchestration work items the sidecar dispatches at once. The in-memory backend would report the
    /// processor count (2 here); the orchestrations themselves are cheap, so a larger number costs nothing.
    /// </summary>
    public int MaxConcurrentOrchestrations { get; set; } = 2000;

    /// <summary>
    /// In-flight activity work items the sidecar dispatches at once. Activities mostly wait: on Tencent's reply and on
    /// the client-side rate limiter's slots. 1,000 concurrent peerings keep about 1,100 calls in flight at 200 ms per
    /// call when they run at the pace Tencent's limits allow, so fewer slots would set the pace instead.
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = 2000;

    /// <summary>
    /// In-memory backend: how long an activity's result may wait for its siblings still running, so the orchestration
    /// wakes once for a fan-out's results (<see cref="SiblingCompletionBatcher"/>). Zero hands each result over at once.
    /// </summary>
    public TimeSpan SiblingCompletionWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Console log level of the sidecar and the worker; Warning by default (the sidecar logs every call at Information).</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Optional "Logging" configuration section with per-category levels.</summary>
    public IConfiguration? LoggingConfiguration { get; set; }

    /// <summary>Where orchestrations are kept; null or <see cref="DurableBackendOptions.InMemory"/> (default) keeps them in memory.</summary>
    public DurableBackendOptions? Backend { get; set; }
}
