using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TencentVpcEmulator.Control;
using TencentVpcEmulator.Http;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator;

/// <summary>
/// A running emulator of Tencent Cloud VPC API 3.0 on loopback HTTP, plus in-process equivalents of the
/// /_emulator control endpoints. Start with <see cref="StartAsync"/>, stop with DisposeAsync.
/// </summary>
public sealed class TencentVpcEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;

    private TencentVpcEmulatorServer(WebApplication app, EmulatorRuntime runtime)
    {
        _app = app;
        _runtime = runtime;
    }

    /// <summary>The first bound URL with its actual port (also when port 0 was requested), e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl => Urls[0];

    public IReadOnlyList<Uri> Urls { get; private set; } = [];

    public EmulatorOptions Options => _runtime.Options;

    /// <summary>The long region names the emulator serves (X-TC-Region, DestinationRegion); any other is UnsupportedRegion.</summary>
    public static IReadOnlyList<string> SupportedRegions { get; } = [.. RegionCodes.All.Order(StringComparer.Ordinal)];

    /// <summary>The accounts of the seed (no secret keys).</summary>
    public IReadOnlyList<AccountState> Accounts => Snapshot().Accounts;

    /// <summary>The emulator clock: base TimeProvider plus whatever <see cref="AdvanceClock"/> added.</summary>
    public DateTimeOffset Now => _runtime.Clock.UtcNow;

    public TimeSpan ClockOffset => _runtime.Clock.Offset;

    public static Task<TencentVpcEmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, handleConsoleSignals: false, ct);

    internal static async Task<TencentVpcEmulatorServer> StartAsync(EmulatorOptions options, bool handleConsoleSignals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = LoopbackUrls.Validate(options.Urls);
        options.Validate();
        var runtime = new EmulatorRuntime(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TencentVpcEmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        if (options.MinimumLogLevel != LogLevel.None)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        if (!handleConsoleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
        }

        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton<ApiPipeline>();

        var app = builder.Build();
        var server = new TencentVpcEmulatorServer(app, runtime);
        var pipeline = app.Services.GetRequiredService<ApiPipeline>();
        app.Map("/", (RequestDelegate)pipeline.HandleAsync);
        ControlEndpoints.Map(app, server);

        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            runtime.Dispose();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a.EndsWith('/') ? a : a + "/"))
            .ToList() ?? [];
        server.Urls = bound.Count > 0 ? bound : [new Uri(urls[0])];
        return server;
    }

    /// <summary>Whole state, as GET /_emulator/state.</summary>
    public EmulatorState Snapshot() => _runtime.Snapshot();

    /// <summary>Call counts, as GET /_emulator/calls.</summary>
    public CallStatistics Calls() => _runtime.Calls.Snapshot();

    /// <summary>The latest writes answered (at most 1,000), oldest first, as GET /_emulator/calls/writes.</summary>
    public IReadOnlyList<RecordedWrite> Writes() => _runtime.Calls.Writes();

    /// <summary>As DELETE /_emulator/calls (the writes' journal too).</summary>
    public void ResetCalls() => _runtime.Calls.Reset();

    /// <summary>As PUT /_emulator/latency; action "*" applies to every action; zero removes the entry.</summary>
    public void SetLatency(string action, TimeSpan delay) => _runtime.Latency.Set(RequireAction(action), delay);

    public void ClearLatency() => _runtime.Latency.Clear();

    /// <summary>Configured delays in milliseconds by action.</summary>
    public IReadOnlyDictionary<string, long> Latency() => _runtime.Latency.Snapshot();

    /// <summary>
    /// As PUT /_emulator/faults; a rule for the same action/account/mode replaces the earlier one. An error rule's code
    /// must be one Tencent documents for its action (or a common code; for "*", one every action documents), so an
    /// injected fault is one the client can meet on Tencent.
    /// </summary>
    /// <exception cref="ArgumentException">The action is unknown, or the code is not documented for it.</exception>
    public void AddFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        RequireAction(rule.Action);
        if (UndocumentedFaultCode(rule) is { } problem)
        {
            throw new ArgumentException(problem, nameof(rule));
        }

        _runtime.Faults.Add(rule);
    }

    /// <summary>As DELETE /_emulator/faults.</summary>
    public void ClearFaults() => _runtime.Faults.Clear();

    public IReadOnlyList<FaultRule> Faults() => _runtime.Faults.Snapshot();

    /// <summary>As PUT /_emulator/ratelimits; overrides map action (or "*") to req/s per account.</summary>
    public void ConfigureRateLimits(bool enabled, IReadOnlyDictionary<string, int>? perSecondOverrides = null)
    {
        foreach (var action in perSecondOverrides?.Keys ?? [])
        {
            RequireAction(action);
        }

        _runtime.RateLimits.Configure(enabled, perSecondOverrides);
    }

    /// <summary>Whether limits are enforced and the effective req/s per action.</summary>
    public RateLimitSettings RateLimits() => new(
        _runtime.RateLimits.Enabled,
        _runtime.Actions.All.OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToDictionary(a => a.Name, a => _runtime.RateLimits.LimitFor(a.Name, a.RateLimitPerSecond), StringComparer.Ordinal));

    /// <summary>As POST /_emulator/clock: moves the emulator clock forward (expiry, signature window, timestamps).</summary>
    /// <summary>As PUT /_emulator/activation: how long accepted peerings take to turn ACTIVE from now on.</summary>
    public void ConfigureActivation(ActivationOptions settings)
    {
        lock (_runtime.Store.Gate)
        {
            _runtime.Activation.Configure(settings);
        }
    }

    /// <summary>As PUT /_emulator/activation with failNext: the next <paramref name="count"/> accepted peerings end FAILED.</summary>
    public void FailNextActivations(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_runtime.Store.Gate)
        {
            _runtime.Activation.FailNext(count);
        }
    }

    public ActivationSettings Activation()
    {
        lock (_runtime.Store.Gate)
        {
            return _runtime.Activation.Snapshot();
        }
    }

    public void AdvanceClock(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The emulator clock only moves forward.");
        }

        _runtime.Clock.Advance(by);
    }

    /// <summary>
    /// As POST /_emulator/vpcs/{vpcId}/assistant-cidrs: the VPC gains a secondary CIDR, as in the console.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No VPC has this id.</exception>
    /// <exception cref="ArgumentException">Not a CIDR, overlapping the VPC, or past <see cref="EmulatorOptions.MaxAssistantCidrsPerVpc"/>.</exception>
    public void AddAssistantCidr(string vpcId, string cidrBlock) => AssistantCidrs.Add(_runtime.Store, _runtime.Options, vpcId, cidrBlock);

    /// <summary>As DELETE /_emulator/vpcs/{vpcId}/assistant-cidrs?cidrBlock=…: the VPC loses a secondary CIDR no subnet uses.</summary>
    /// <exception cref="KeyNotFoundException">No VPC has this id.</exception>
    /// <exception cref="ArgumentException">Not one of its assistant CIDRs, or a subnet lies in it.</exception>
    public void RemoveAssistantCidr(string vpcId, string cidrBlock) => AssistantCidrs.Remove(_runtime.Store, vpcId, cidrBlock);

    /// <summary>As POST /_emulator/reset: reloads the seed and clears counters, faults, latency, clock offset and rate-limit settings.</summary>
    public void Reset() => _runtime.Reset();

    /// <summary>Completes when the host is asked to stop (Ctrl+C for the standalone server).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None);
        }
        finally
        {
            await _app.DisposeAsync();
            _runtime.Dispose();
        }
    }

    /// <summary>Why an error rule's code may not be injected for its action; null when it may.</summary>
    internal string? UndocumentedFaultCode(FaultRule rule)
    {
        if (rule.Mode != FaultMode.Error)
        {
            return null;
        }

        var actions = rule.Action == LatencyTable.AnyAction ? _runtime.Actions.All.Select(a => a.Name) : [rule.Action];
        var refusing = actions.Where(a => !DocumentedErrorCodes.Allows(a, rule.Code)).Order(StringComparer.Ordinal).ToList();
        return refusing.Count == 0
            ? null
            : $"'{rule.Code}' is not an error code Tencent documents for {string.Join(", ", refusing)} (nor a common code): inject one of its documented codes.";
    }

    internal bool IsKnownActionOrAny(string action) => action == LatencyTable.AnyAction || _runtime.Actions.TryGet(action, out _);

    private string RequireAction(string action) =>
        IsKnownActionOrAny(action) ? action : throw new ArgumentException($"'{action}' is neither \"*\" nor an emulated action.", nameof(action));
}

/// <summary>Rate-limit configuration as reported by GET /_emulator/ratelimits.</summary>
public sealed record RateLimitSettings(bool Enabled, IReadOnlyDictionary<string, int> PerSecond);
