using Microsoft.DurableTask.Client;
using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>Base of the end-to-end tests: a fresh seed before each test, and short names for the host's parts.</summary>
public abstract class IntegrationTest(LocalHostFixture fixture) : IAsyncLifetime
{
    protected LocalHostFixture Fixture { get; } = fixture;

    protected PeeringApiDriver Api { get; } = fixture.Api;

    protected TencentVpcEmulatorServer Emulator => Fixture.Emulator;

    protected DurableTaskClient Client => Fixture.Client;

    /// <summary>The emulator right after the reset: what "unchanged" is compared with.</summary>
    protected EmulatorState Seeded { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Fixture.ResetAsync();
        Seeded = Emulator.Snapshot();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
