using System.Diagnostics;
using PeeringFunctions.Peerings;
using PeeringFunctions.FaultCampaign.Tests.Support;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.FaultCampaign.Tests;

/// <summary>Azurite (scripts/azurite.sh) and a standalone emulator, shared by the crash tests; each test uses its own task hub.</summary>
public sealed class PersistentStack : IAsyncLifetime
{
    public const int RandomSeed = 20261125;

    internal AzuriteServer Azurite { get; private set; } = null!;

    internal EmulatorProcess Emulator { get; private set; } = null!;

    public EmulatorSeed Seed { get; } = EmulatorSeed.Demo;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Emulator = await EmulatorProcess.StartAsync(RandomSeed);
    }

    public async Task DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}

/// <summary>
/// Item 3: the local host on the Azure Storage backend (Azurite), run as its own process and killed with SIGKILL at
/// every step of a peering, then restarted on the same task hub: the peering must finish ACTIVE and verified with one
/// peering, one route per destination and no stray association — read from the emulator, which outlives every kill.
/// </summary>
/// <remarks>
/// A step is held open by emulator latency on the Tencent action that step performs, so the kill lands while that
/// step's activity is in flight (its HTTP call waiting in the emulator). The second test kills right after a write
/// landed whose reply was lost: Tencent has done it, the host never learned it.
/// </remarks>
public sealed class CrashRecoveryTests(PersistentStack stack, ITestOutputHelper output) : IClassFixture<PersistentStack>, IAsyncLifetime
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);
    private readonly List<string> timeline = [];
    private HostProcess? host;
    private Stopwatch clock = Stopwatch.StartNew();
    private EmulatorProcess Emulator => stack.Emulator;

    public async Task InitializeAsync() => await Emulator.ResetAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Host_killed_at_every_step_of_a_peering_restarts_and_the_peering_ends_active_and_verified_with_no_duplicate()
    {
        var figures = new Figures(output, "crash: in-flight kill at every step");
        var hub = NewHub("Steps");
        clock = Stopwatch.StartNew();
        await Emulator.SetLatencyAsync("DescribeVpcs", Hold);
        await StartHostAsync(hub);
        var id = (await new PeeringApiDriver(host!.Http, waitOutUnanswered: true).StartAcceptedAsync(PeeringRequests.CrossRegion("crash every step"))).Id;

        // Preflight: its DescribeVpcs reads wait in the emulator.
        await KillAtStepAsync(id, PeeringSteps.Preflight, inFlight: true);
        await Emulator.ClearLatencyAsync();
        await Emulator.SetLatencyAsync("CreateVpcPeeringConnection", Hold);
        await StartHostAsync(hub);

        // Requesting: CreateVpcPeeringConnection waits in the emulator.
        await KillAtStepAsync(id, PeeringSteps.Requesting, inFlight: true);
        await Emulator.ClearLatencyAsync();
        await StartHostAsync(hub);

        // WaitingForAcceptance: nothing in flight, a durable timer and an event wait.
        await KillAtStepAsync(id, PeeringSteps.WaitingForAcceptance, inFlight: false);
        await StartHostAsync(hub);

        // Accepting: beta's approver accepts over HTTP; AcceptVpcPeeringConnection waits in the emulator.
        await Emulator.SetLatencyAsync("AcceptVpcPeeringConnection", Hold);
        var portal = new PeeringApiDriver(host!.Http, waitOutUnanswered: true);
        await portal.WaitForStepAsync(id, PeeringSteps.WaitingForAcceptance, StepTimeout);
        await portal.DecideAcceptedAsync(id, accept: true, HostProcess.ApproverKey("beta"));
        Mark("accepted over HTTP as beta's approver");
        await KillAtStepAsync(id, PeeringSteps.Accepting, inFlight: true);
        await Emulator.ClearLatencyAsync();
        await Emulator.SetLatencyAsync("CreateRoutes", Hold);
        await StartHostAsync(hub);

        // Configuring: CreateRoutes waits in the emulator (the subnet moves may already be done).
        await KillAtStepAsync(id, PeeringSteps.Configuring, inFlight: true);
        await Emulator.ClearLatencyAsync();
        await Emulator.SetLatencyAsync("DescribeVpcPeeringConnections", Hold);
        await StartHostAsync(hub);

        // Verifying: the peering read waits in the emulator.
        await KillAtStepAsync(id, PeeringSteps.Verifying, inFlight: true);
        await Emulator.ClearLatencyAsync();
        await StartHostAsync(hub);

        var done = await new PeeringApiDriver(host!.Http, waitOutUnanswered: true).WaitForEndAsync(id, StepTimeout);
        Mark($"ended {done.RuntimeStatus}/{done.State}");
        await AssertActiveWithNoDuplicateAsync(done, figures);

        // The registry shares the host's storage: killed once more, the host still knows who approved (a field only
        // the registry record holds) and what the peering's record says.
        await KillAsync("after the end", TimeSpan.Zero);
        await StartHostAsync(hub);
        var afterKill = await new PeeringApiDriver(host!.Http, waitOutUnanswered: true).GetAsync(id);
        Assert.Equal(PeeringStatus.Active, afterKill.State);
        Assert.Equal("approver of beta (http)", afterKill.ApprovedBy);
        Report(figures);
    }

    [Fact]
    public async Task Host_killed_right_after_a_write_whose_reply_was_lost_restarts_and_reads_back_instead_of_writing_twice()
    {
        var figures = new Figures(output, "crash: kill after write-done-reply-lost");
        var hub = NewHub("Lost");
        clock = Stopwatch.StartNew();
        await Emulator.AddFaultAsync(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });
        await StartHostAsync(hub);
        var id = (await new PeeringApiDriver(host!.Http, waitOutUnanswered: true).StartAcceptedAsync(PeeringRequests.CrossRegion("crash after lost reply"))).Id;

        // Requesting: the peering exists on Tencent, the host only saw a dropped connection.
        await KillAfterDroppedReplyAsync("CreateVpcPeeringConnection");
        await StartHostAsync(hub);

        var portal = new PeeringApiDriver(host!.Http, waitOutUnanswered: true);
        await portal.WaitForStepAsync(id, PeeringSteps.WaitingForAcceptance, StepTimeout);
        await Emulator.AddFaultAsync(new FaultRule { Action = "AcceptVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });
        await Emulator.AddFaultAsync(new FaultRule { Action = "CreateRoutes", Mode = FaultMode.DropReply, Count = 1 });
        await portal.DecideAcceptedAsync(id, accept: true, HostProcess.ApproverKey("beta"));
        Mark("accepted over HTTP as beta's approver");

        // Accepting: the peering is ACTIVE on Tencent; the host never heard.
        await KillAfterDroppedReplyAsync("AcceptVpcPeeringConnection");
        await StartHostAsync(hub);

        // Configuring: one side's routes exist; the host never heard.
        await KillAfterDroppedReplyAsync("CreateRoutes");
        await StartHostAsync(hub);

        var done = await new PeeringApiDriver(host!.Http, waitOutUnanswered: true).WaitForEndAsync(id, StepTimeout);
        Mark($"ended {done.RuntimeStatus}/{done.State}");
        await AssertActiveWithNoDuplicateAsync(done, figures);
        var calls = await Emulator.CallsAsync();
        Assert.Equal(1, calls.ForAction("CreateVpcPeeringConnection").RepliesDropped);
        Assert.Equal(1, calls.ForAction("AcceptVpcPeeringConnection").RepliesDropped);
        Assert.Equal(1, calls.ForAction("CreateRoutes").RepliesDropped);
        Report(figures);
    }

    private async Task StartHostAsync(string hub)
    {
        var started = clock.Elapsed;
        host = await HostProcess.StartAsync(HostProcess.Environment(Emulator.BaseUrl, stack.Seed, stack.Azurite.ConnectionString, hub));
        Mark($"host PID {host.Pid} up in {(clock.Elapsed - started).TotalSeconds:0.0} s");
    }

    private async Task KillAtStepAsync(string id, string step, bool inFlight)
    {
        var reached = clock.Elapsed;
        var view = await new PeeringApiDriver(host!.Http, waitOutUnanswered: true).WaitForStepAsync(id, step, StepTimeout);
        Mark($"step {view.Step} reached");
        if (inFlight)
        {
            // The step's activity is dispatched and its Tencent call is held by the emulator's latency.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        await KillAsync($"at {step}", clock.Elapsed - reached);
    }

    private async Task KillAfterDroppedReplyAsync(string action)
    {
        var watch = Stopwatch.StartNew();
        while ((await Emulator.CallsAsync()).ForAction(action).RepliesDropped < 1)
        {
            Assert.True(watch.Elapsed < StepTimeout, $"{action} never had its reply dropped. Host output:\n{host!.Tail()}");
            await Task.Delay(10);
        }

        await KillAsync($"right after {action} was performed and its reply lost", watch.Elapsed);
    }

    private async Task KillAsync(string where, TimeSpan waited)
    {
        var pid = host!.Pid;
        await host.KillAsync();
        await host.DisposeAsync();
        host = null;
        Mark($"SIGKILL PID {pid} {where} (after {waited.TotalSeconds:0.0} s)");
    }

    private async Task AssertActiveWithNoDuplicateAsync(PeeringView done, Figures figures)
    {
        Assert.True(done.RuntimeStatus == "Completed" && done.State == PeeringStatus.Active,
            $"ended {done.RuntimeStatus}/{done.State}: {done.Outcome?.Message} {string.Join("; ", done.Outcome?.Problems ?? [])}");
        Assert.Empty(done.Outcome!.Problems);

        var state = await Emulator.StateAsync();
        var peering = Assert.Single(state.PeeringsBetween(DemoIds.AlphaVpc, DemoIds.BetaVpc));
        Assert.Equal("ACTIVE", peering.State);
        Assert.Equal(done.PeeringConnectionId, peering.PeeringConnectionId);
        Assert.Equal(DemoIds.BetaCidr, Assert.Single(state.RoutesVia(DemoIds.AlphaPeeringTable, peering.PeeringConnectionId)).DestinationCidrBlock);
        Assert.Equal(DemoIds.AlphaCidr, Assert.Single(state.RoutesVia(DemoIds.BetaPeeringTable, peering.PeeringConnectionId)).DestinationCidrBlock);
        Assert.Equal(2, state.PeeringRoutes().Count);
        Assert.Empty(state.DuplicateRoutes());
        Assert.Equal(DemoIds.AlphaPeeringTable, state.Subnet(DemoIds.AlphaWebSubnet)?.RouteTableId);
        Assert.Equal(DemoIds.BetaPeeringTable, state.Subnet(DemoIds.BetaAppSubnet)?.RouteTableId);

        var calls = await Emulator.CallsAsync();
        figures.Line($"outcome: {done.RuntimeStatus}/{done.State} {done.PeeringConnectionId}; emulator: {state.Peerings.Count} peering record(s) for the pair, {state.PeeringRoutes().Count} peering routes, 0 duplicates");
        foreach (var action in new[] { "DescribeVpcs", "CreateVpcPeeringConnection", "AcceptVpcPeeringConnection", "CreateRoutes", "ReplaceRouteTableAssociation", "DescribeVpcPeeringConnections" })
        {
            var c = calls.ForAction(action);
            figures.Line($"  {action,-30} calls {c.Total,3}  errors {c.Errors,2}  replies dropped {c.RepliesDropped}");
        }
    }

    private void Mark(string what)
    {
        var line = $"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}";
        timeline.Add(line);
        output.WriteLine(line);
    }

    private void Report(Figures figures)
    {
        foreach (var line in timeline)
        {
            File.AppendAllText(Figures.FilePath, $"[timeline] {line}{Environment.NewLine}");
        }

        figures.Line($"{timeline.Count(l => l.Contains("SIGKILL", StringComparison.Ordinal))} SIGKILLs; total wall time {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static string NewHub(string name) => $"Crash{name}{Guid.NewGuid():N}"[..24];
}
