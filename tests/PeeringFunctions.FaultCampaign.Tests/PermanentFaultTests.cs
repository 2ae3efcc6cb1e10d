using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Peerings;
using PeeringFunctions.FaultCampaign.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.FaultCampaign.Tests;

/// <summary>
/// Item 2: a permanent failure at each step after the peering request exists. The outcome must name the cause (step
/// and Tencent code or problem) and compensation must leave nothing open — no PENDING or ACTIVE peering, no route
/// through it, every subnet on its seeded table — checked against the emulator's state, not the outcome's word.
/// All runs use the demo pair alpha ap-guangzhou → beta ap-shanghai (routes and a subnet move on both sides).
/// </summary>
public sealed class PermanentFaultTests(PollerOffHostFixture fixture, ITestOutputHelper output) : IClassFixture<PollerOffHostFixture>, IAsyncLifetime
{
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(90);
    private TencentVpcEmulator.EmulatorState seeded = null!;

    private TencentVpcEmulatorServer Emulator => fixture.Emulator;

    private PeeringApiDriver Portal => fixture.Api;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        seeded = Emulator.Snapshot();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Receivers_credentials_revoked_before_it_accepts_fail_at_Accepting_with_AuthFailure_and_leave_nothing_open()
    {
        var done = await RunAsync(whenWaiting: _ =>
        {
            Emulator.AddFault(new FaultRule { Action = "*", Account = "beta", Code = "AuthFailure.SecretIdNotFound", Message = "The SecretId is not found, please ensure that your SecretId is correct." });
            return Task.CompletedTask;
        });

        AssertUndone(done, "receiver's credentials revoked", PeeringSteps.Accepting, "AuthFailure.SecretIdNotFound", peeringDeleted: true);
    }

    [Fact]
    public async Task Initiators_route_table_deleted_fails_at_Configuring_and_the_receivers_routes_and_both_subnet_moves_are_undone()
    {
        var done = await RunAsync(whenWaiting: _ =>
        {
            Emulator.AddFault(new FaultRule { Action = "CreateRoutes", Account = "alpha", Code = "ResourceNotFound", Message = $"The resource `{DemoIds.AlphaPeeringTable}` given in `RouteTableId` does not exist." });
            return Task.CompletedTask;
        });

        AssertUndone(done, "initiator's route table deleted", PeeringSteps.Configuring, "ResourceNotFound", peeringDeleted: true);
    }

    [Fact]
    public async Task Receivers_subnet_gone_fails_at_Configuring_and_every_route_and_subnet_move_is_undone()
    {
        var done = await RunAsync(whenWaiting: _ =>
        {
            Emulator.AddFault(new FaultRule { Action = "ReplaceRouteTableAssociation", Account = "beta", Code = "ResourceNotFound", Message = $"The resource `{DemoIds.BetaAppSubnet}` given in `SubnetId` does not exist." });
            return Task.CompletedTask;
        });

        AssertUndone(done, "receiver's subnet gone", PeeringSteps.Configuring, "ResourceNotFound", peeringDeleted: true);
    }

    [Fact]
    public async Task Receivers_credentials_revoked_after_it_accepted_fail_at_Configuring_and_the_initiators_side_and_the_peering_are_undone()
    {
        var done = await RunAsync(whenWaiting: _ =>
        {
            // Accept still works (it is the last call beta's key makes); everything beta does afterwards is refused.
            foreach (var action in new[] { "CreateRoutes", "ReplaceRouteTableAssociation", "DescribeRouteTables", "DeleteRoutes" })
            {
                Emulator.AddFault(new FaultRule { Action = action, Account = "beta", Code = "AuthFailure.SecretIdNotFound", Message = "The SecretId is not found." });
            }

            return Task.CompletedTask;
        });

        AssertUndone(done, "receiver's credentials revoked after accepting", PeeringSteps.Configuring, "AuthFailure.SecretIdNotFound", peeringDeleted: true);
    }

    [Fact]
    public async Task Peering_deleted_by_the_receiver_before_verification_fails_at_Verifying_and_every_route_and_subnet_move_is_undone()
    {
        var done = await RunAsync(
            whenWaiting: _ =>
            {
                // Holds verification's read long enough for beta to delete the peering in its own console.
                Emulator.SetLatency("DescribeVpcPeeringConnections", TimeSpan.FromSeconds(2));
                return Task.CompletedTask;
            },
            decide: async id =>
            {
                await Portal.DecideAcceptedAsync(id, accept: true, TencentSettings.DemoApproverKey("beta"));
                var verifying = await Portal.WaitForStepAsync(id, PeeringSteps.Verifying, EndTimeout);
                await fixture.ConsoleOf("beta", "ap-shanghai").DeleteVpcPeeringConnection(
                    new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = verifying.PeeringConnectionId });
            });

        AssertUndone(done, "peering deleted by the receiver before verification", PeeringSteps.Verifying, expectedCode: null, peeringDeleted: false);
        Assert.Contains(done.Outcome!.Problems, p => p.Contains("DELETED, not ACTIVE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receiver_rejecting_after_it_accepted_in_its_own_console_is_named_and_the_active_peering_is_deleted()
    {
        var done = await RunAsync(
            whenWaiting: async id =>
            {
                var view = await Portal.GetAsync(id);
                await fixture.ConsoleOf("beta", "ap-shanghai").AcceptVpcPeeringConnection(
                    new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = view!.PeeringConnectionId });
                Emulator.AdvanceClock(TimeSpan.FromSeconds(Emulator.Activation().CrossRegionSeconds)); // activated: ACTIVE
            },
            decide: id => Portal.DecideAcceptedAsync(id, accept: false, TencentSettings.DemoApproverKey("beta")));

        AssertUndone(done, "receiver rejects after accepting elsewhere", PeeringSteps.ClosingRequest, "UnsupportedOperation.VpcPeerInvalidStateChange", peeringDeleted: true);
        Assert.Contains("ACTIVE", done.Outcome!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peering_request_created_but_its_reply_lost_and_the_retry_refused_is_withdrawn_by_compensation()
    {
        Emulator.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });
        Emulator.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Code = "UnauthorizedOperation", Message = "CAM policy no longer allows vpc:CreateVpcPeeringConnection.", Count = 1 });
        var id = (await Portal.StartAcceptedAsync(PeeringRequests.CrossRegion("permanent after lost reply"))).Id;
        var done = await Portal.WaitForEndAsync(id, EndTimeout);

        AssertUndone(done, "request created, reply lost, retry refused", PeeringSteps.Requesting, "UnauthorizedOperation", peeringDeleted: true);
    }

    [Fact]
    public async Task Initiators_credentials_revoked_after_acceptance_still_leave_no_open_peering()
    {
        var done = await RunAsync(whenWaiting: _ =>
        {
            Emulator.AddFault(new FaultRule { Action = "*", Account = "alpha", Code = "AuthFailure.SecretIdNotFound", Message = "The SecretId is not found." });
            return Task.CompletedTask;
        });

        // Its first call after the acceptance is the read of the activation Tencent runs for a cross-region peering.
        AssertUndone(done, "initiator's credentials revoked after acceptance", PeeringSteps.Activating, "AuthFailure.SecretIdNotFound", peeringDeleted: true);
    }

    [Fact]
    public async Task Credentials_refused_at_pre_flight_end_the_run_with_the_cause_named_and_nothing_created()
    {
        Emulator.AddFault(new FaultRule { Action = "*", Account = "beta", Code = "AuthFailure.SignatureFailure", Message = "The provided credentials could not be validated." });
        var id = (await Portal.StartAcceptedAsync(PeeringRequests.CrossRegion("credentials refused at pre-flight"))).Id;
        var done = await Portal.WaitForEndAsync(id, EndTimeout);
        Emulator.ClearFaults();

        var state = Emulator.Snapshot();
        new Figures(output, "permanent faults").Line(
            $"credentials refused at pre-flight (before any request): {done.RuntimeStatus}/{done.State}, message \"{done.Message}\", emulator writes {Emulator.Calls().Totals.Writes}, leftovers {state.Leftovers(seeded, DemoIds.AlphaVpc, DemoIds.BetaVpc).Count}");
        Assert.Empty(state.PeeringsBetween(DemoIds.AlphaVpc, DemoIds.BetaVpc));
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.Contains("AuthFailure.SignatureFailure", done.Message ?? "", StringComparison.Ordinal);
    }

    /// <summary>Starts the demo peering, changes the world while it waits for consent, then lets the receiver decide (accept by default).</summary>
    private async Task<PeeringView> RunAsync(Func<string, Task> whenWaiting, Func<string, Task>? decide = null)
    {
        var id = (await Portal.StartAcceptedAsync(PeeringRequests.CrossRegion("permanent fault"))).Id;
        await Portal.WaitForStepAsync(id, PeeringSteps.WaitingForAcceptance, EndTimeout);
        await whenWaiting(id);
        await (decide ?? (i => Portal.DecideAcceptedAsync(i, accept: true, TencentSettings.DemoApproverKey("beta"))))(id);
        var done = await Portal.WaitForEndAsync(id, EndTimeout);
        Emulator.ClearFaults();
        Emulator.ClearLatency();
        return done;
    }

    private void AssertUndone(PeeringView done, string cause, string expectedStep, string? expectedCode, bool peeringDeleted)
    {
        var state = Emulator.Snapshot();
        var leftovers = state.Leftovers(seeded, DemoIds.AlphaVpc, DemoIds.BetaVpc);
        var outcome = done.Outcome;
        new Figures(output, "permanent faults").Line(
            $"{cause}: {done.RuntimeStatus}/{done.State} at {outcome?.FailedStep ?? "-"} code {outcome?.ErrorCode ?? "-"}; " +
            $"undone [{string.Join("; ", outcome?.Undone ?? [])}]; not undone [{string.Join("; ", outcome?.Problems.Where(p => p.StartsWith("could not undo", StringComparison.Ordinal)) ?? [])}]; " +
            $"emulator leftovers: {(leftovers.Count == 0 ? "none" : string.Join("; ", leftovers))}");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(PeeringStatus.Failed, done.State);
        Assert.NotNull(outcome);
        Assert.Equal(expectedStep, outcome.FailedStep);
        Assert.Equal(expectedCode, outcome.ErrorCode);
        Assert.Contains($"Failed at {expectedStep}", outcome.Message, StringComparison.Ordinal);
        if (peeringDeleted)
        {
            Assert.Contains(outcome.Undone, u => u.StartsWith("deleted peering", StringComparison.Ordinal));
        }

        Assert.True(leftovers.Count == 0, $"{cause} left: {string.Join("; ", leftovers)}");
        if (done.PeeringConnectionId is { } pcx)
        {
            Assert.Equal("DELETED", state.Peering(pcx)?.State);
        }
        else
        {
            // The create's reply was lost, so the workflow never learned the id: the pair's request must be gone all the same.
            var pair = state.PeeringsBetween(DemoIds.AlphaVpc, DemoIds.BetaVpc);
            Assert.NotEmpty(pair);
            Assert.All(pair, p => Assert.Equal("DELETED", p.State));
        }
        Assert.Empty(state.PeeringRoutes());
        Assert.Equal(seeded.Associations(), state.Associations());
    }
}
