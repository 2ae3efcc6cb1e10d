using TencentVpcEmulator.Actions;
using TencentVpcEmulator.Activation;
using TencentVpcEmulator.Auth;
using TencentVpcEmulator.Control;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator;

/// <summary>All the moving parts of one emulator instance, shared by the HTTP pipeline, the control API and the embedding API.</summary>
internal sealed class EmulatorRuntime : IDisposable
{
    public EmulatorRuntime(EmulatorOptions options)
    {
        Options = options;
        Seed = options.ResolveSeed();
        Clock = new EmulatorClock(options.TimeProvider ?? TimeProvider.System);
        Authenticator = new RequestAuthenticator(Store, Clock);
        Faults = new FaultInjector(options.RandomSeed);
        RateLimits = new RateLimitGate(options.EnforceRateLimits);
        Activation = new ActivationSchedule(options.Activation);
        LoadSeed();
    }

    public EmulatorOptions Options { get; }

    public EmulatorSeed Seed { get; }

    public EmulatorClock Clock { get; }

    public VpcStore Store { get; } = new();

    public ActionRegistry Actions { get; } = new();

    public RequestAuthenticator Authenticator { get; }

    public CallCounters Calls { get; } = new();

    public FaultInjector Faults { get; }

    public LatencyTable Latency { get; } = new();

    public RateLimitGate RateLimits { get; }

    /// <summary>Guarded by the store lock, like the records it schedules.</summary>
    public ActivationSchedule Activation { get; }

    public EmulatorState Snapshot()
    {
        var now = Clock.UtcNow;
        lock (Store.Gate)
        {
            Store.CatchUp(now, Options.PendingExpiry);
            return StateSnapshot.Capture(Store, now);
        }
    }

    /// <summary>Back to the starting point: seed reloaded, counters, faults, latency, clock offset, rate-limit and activation settings cleared.</summary>
    public void Reset()
    {
        Clock.ResetOffset();
        LoadSeed();
        Calls.Reset();
        Faults.Clear(Options.RandomSeed);
        Latency.Clear();
        RateLimits.Configure(Options.EnforceRateLimits, null);
        lock (Store.Gate)
        {
            Activation.Reset(Options.Activation);
        }
    }

    public void Dispose() => RateLimits.Dispose();

    private void LoadSeed()
    {
        var now = Clock.UtcNow;
        lock (Store.Gate)
        {
            Store.Load(Seed, now, Options.RandomSeed);
        }
    }
}
