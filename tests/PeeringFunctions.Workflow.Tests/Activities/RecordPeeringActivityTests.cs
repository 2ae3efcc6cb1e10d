using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow.Auditing;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Telemetry;

namespace PeeringFunctions.Workflow.Tests.Activities;

/// <summary>What a workflow write to the registry keeps of the record it replaces, and which steps it says were reached.</summary>
public sealed class RecordPeeringActivityTests
{
    private static readonly DateTimeOffset Requested = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemoryPeeringRegistry registry = new();
    private readonly InMemoryAuditTrail audit = new();

    [Fact]
    public async Task The_first_requested_write_starts_the_clock_and_every_later_write_keeps_it()
    {
        await RecordAsync(Record(RegistryStates.Requested, Requested));
        await RecordAsync(Record(RegistryStates.Requested, Requested.AddMinutes(5)) with { ApprovedBy = "ops (http)" });
        await RecordAsync(Record(RegistryStates.Active, Requested.AddMinutes(6)) with { ApprovedBy = "ops (http)" });

        var stored = await registry.GetAsync("peering-a-b");
        Assert.Equal((RegistryStates.Active, Requested), (stored!.State, stored.RequestedAt));
        Assert.Equal(3, (await audit.ListAsync("peering-a-b")).Count(e => e.Kind == AuditKinds.StateRecorded));
    }

    [Fact]
    public async Task A_new_request_of_a_pair_whose_last_run_ended_starts_a_new_clock()
    {
        await RecordAsync(Record(RegistryStates.Requested, Requested));
        await RecordAsync(Record(RegistryStates.Rejected, Requested.AddMinutes(1)));
        await RecordAsync(Record(RegistryStates.Requested, Requested.AddDays(1)));

        Assert.Equal(Requested.AddDays(1), (await registry.GetAsync("peering-a-b"))!.RequestedAt);
    }

    [Fact]
    public async Task A_run_that_records_only_its_end_has_no_request_time()
    {
        await RecordAsync(Record(RegistryStates.Active, Requested));

        Assert.Null((await registry.GetAsync("peering-a-b"))!.RequestedAt);
    }

    [Fact]
    public void A_record_without_a_request_time_serializes_as_before_so_activity_inputs_keep_their_shape()
    {
        var json = JsonSerializer.Serialize(Record(RegistryStates.Requested, Requested));

        Assert.DoesNotContain(nameof(RegisteredPeering.RequestedAt), json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(nameof(RegisteredPeering.RequestedAt), JsonSerializer.Serialize(Record(RegistryStates.Requested, Requested) with { RequestedAt = Requested }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_decision_is_measured_from_the_requested_record_by_the_write_that_records_it_and_only_that_one()
    {
        var waiting = Record(RegistryStates.Requested, Requested) with { RequestedAt = Requested };
        var approved = Record(RegistryStates.Requested, Requested.AddMinutes(5)) with { ApprovedBy = "ops (http)", RequestedAt = Requested };

        Assert.Equal<(string, TimeSpan)?>((WorkflowTelemetry.Accepted, TimeSpan.FromMinutes(5)), PeeringMilestones.Decision(waiting, approved));
        Assert.Equal<(string, TimeSpan)?>((WorkflowTelemetry.Rejected, TimeSpan.FromMinutes(2)), PeeringMilestones.Decision(waiting, Record(RegistryStates.Rejected, Requested.AddMinutes(2))));
        Assert.Equal<(string, TimeSpan)?>((WorkflowTelemetry.Expired, TimeSpan.FromDays(7)), PeeringMilestones.Decision(waiting, Record(RegistryStates.Expired, Requested.AddDays(7))));
        Assert.Null(PeeringMilestones.Decision(approved, approved)); // the same write again
        Assert.Null(PeeringMilestones.Decision(approved, Record(RegistryStates.Active, Requested.AddMinutes(6)) with { ApprovedBy = "ops (http)" }));
        Assert.Null(PeeringMilestones.Decision(waiting, Record(RegistryStates.Active, Requested.AddMinutes(1)))); // no decision was asked for
        Assert.Null(PeeringMilestones.Decision(waiting, Record(RegistryStates.Failed, Requested.AddMinutes(1))));
    }

    [Fact]
    public void Time_to_active_is_measured_once_from_the_request_by_the_write_that_turns_the_requested_record_active()
    {
        var waiting = Record(RegistryStates.Requested, Requested) with { RequestedAt = Requested };
        var active = Record(RegistryStates.Active, Requested.AddMinutes(3)) with { RequestedAt = Requested };

        Assert.Equal(TimeSpan.FromMinutes(3), PeeringMilestones.BecameActive(waiting, active));
        Assert.Null(PeeringMilestones.BecameActive(active, active));
        Assert.Null(PeeringMilestones.BecameActive(null, active with { RequestedAt = null }));
        Assert.Null(PeeringMilestones.BecameActive(waiting, Record(RegistryStates.Failed, Requested.AddMinutes(3)) with { RequestedAt = Requested }));
    }

    private Task<bool> RecordAsync(RegisteredPeering record) =>
        new RecordPeeringActivity(registry, new AuditWriter(audit, TimeProvider.System, NullLogger<AuditWriter>.Instance), NullLogger<RecordPeeringActivity>.Instance).RunAsync(Mock.Of<TaskActivityContext>(), record);

    private static RegisteredPeering Record(string state, DateTimeOffset at) => new(
        "peering-a-b", "a to b", state, "pcx-00000001",
        new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-a", "rtb-a", ["10.1.0.0/16"], [], []),
        new RegisteredSide("beta", null, "ap-guangzhou", "vpc-b", "rtb-b", ["10.2.0.0/16"], [], []),
        at);
}
