using System.Text.Json;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Tests.Fakes;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>
/// A bandwidth change reads the peering on Tencent, decides, changes it through the one idempotent activity, and
/// answers with what Tencent reports afterwards. Tencent here is one peering record the activities read and write.
/// </summary>
public sealed class BandwidthChangeOrchestratorTests
{
    private const string Pcx = "pcx-ab12cd34";

    private static readonly BandwidthChangeRequest ToThreeHundred = new(Pcx, Alpha, Guangzhou, 300);

    /// <summary>Tencent's record of the peering: cross-region alpha (gz) → beta (sh), ACTIVE, 100 Mbps; null when it is gone.</summary>
    private PeeringFacts? tencent = new(Pcx, "alpha-beta", AlphaVpc, BetaVpc, "ACTIVE", 100000000001, 100000000002, 100, Guangzhou, Shanghai);

    /// <summary>What the read-back sees when it differs from what the change wrote (Tencent applying something else).</summary>
    private long? bandwidthAfterChange;

    private FakeOrchestrationContext Context() => new FakeOrchestrationContext(instanceId: "bandwidth-peering-vpc-alpha001-vpc-beta0001")
        .OnActivity<PeeringLookup, IReadOnlyList<PeeringFacts>>(nameof(DescribePeeringsActivity),
            lookup => tencent is not null && lookup.PeeringConnectionId == tencent.PeeringConnectionId ? [tencent] : [])
        .OnActivity<ModifyPeeringInput, bool>(nameof(ModifyPeeringActivity), change =>
        {
            // As the activity does: read, skip when already there, else write.
            if (tencent!.Bandwidth == change.BandwidthMbps)
            {
                return false;
            }

            tencent = tencent with { Bandwidth = bandwidthAfterChange ?? change.BandwidthMbps };
            return true;
        });

    private static Task<BandwidthChangeOutcome> RunAsync(FakeOrchestrationContext context, BandwidthChangeRequest request) =>
        new BandwidthChangeOrchestrator().RunAsync(context.Object, request).WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_change_reads_the_peering_changes_it_once_and_answers_with_the_bandwidth_read_back()
    {
        var context = Context();

        var outcome = await RunAsync(context, ToThreeHundred);

        Assert.Equal(new BandwidthChangeOutcome(BandwidthChangeStatus.Changed, Pcx, 300, 300, $"{Pcx} now has a bandwidth cap of 300 Mbps (it was 100 Mbps)."), outcome);
        Assert.Equal([nameof(DescribePeeringsActivity), nameof(ModifyPeeringActivity), nameof(DescribePeeringsActivity)], context.Names);
        Assert.Equal(new ModifyPeeringInput(Alpha, Guangzhou, Pcx, 300), Assert.Single(context.InputsOf<ModifyPeeringInput>(nameof(ModifyPeeringActivity))));
        Assert.All(context.Calls, c => Assert.Same(TencentRetry.Options, c.Options));
        Assert.Equal(300, tencent!.Bandwidth);
    }

    [Fact]
    public async Task A_peering_already_at_the_wanted_bandwidth_is_unchanged_and_nothing_is_written()
    {
        tencent = tencent! with { Bandwidth = 300 };
        var context = Context();

        var outcome = await RunAsync(context, ToThreeHundred);

        Assert.Equal(BandwidthChangeStatus.Unchanged, outcome.Status);
        Assert.Equal(300, outcome.BandwidthMbps);
        Assert.Contains("nothing was changed", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PENDING", "is PENDING on Tencent")]
    [InlineData("REJECTED", "is REJECTED on Tencent")]
    [InlineData("DELETED", "no longer exists on Tencent")]
    public async Task A_peering_that_is_not_ACTIVE_on_Tencent_is_refused_before_any_write(string state, string reason)
    {
        tencent = tencent! with { State = state };
        var context = Context();

        var outcome = await RunAsync(context, ToThreeHundred);

        Assert.Equal(BandwidthChangeStatus.Refused, outcome.Status);
        Assert.Contains(reason, outcome.Message, StringComparison.Ordinal);
        Assert.Equal([nameof(DescribePeeringsActivity)], context.Names);
        Assert.Equal(100, tencent.Bandwidth);
    }

    [Fact]
    public async Task A_peering_Tencent_no_longer_shows_is_refused_before_any_write()
    {
        tencent = null;
        var context = Context();

        var outcome = await RunAsync(context, ToThreeHundred);

        Assert.Equal(BandwidthChangeStatus.Refused, outcome.Status);
        Assert.Null(outcome.BandwidthMbps);
        Assert.Equal([nameof(DescribePeeringsActivity)], context.Names);
    }

    [Fact]
    public async Task A_peering_Tencent_shows_in_one_region_is_refused_because_it_has_no_cap()
    {
        tencent = tencent! with { DestinationRegion = Guangzhou, Bandwidth = 0 };
        var context = Context();

        var outcome = await RunAsync(context, ToThreeHundred);

        Assert.Equal(BandwidthChangeStatus.Refused, outcome.Status);
        Assert.Contains("intra-region", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, outcome.BandwidthMbps);
        Assert.DoesNotContain(nameof(ModifyPeeringActivity), context.Names);
    }

    [Fact]
    public async Task Tencent_refusing_the_change_fails_it_with_tencents_code_and_the_bandwidth_it_still_has()
    {
        const string refusal = "ModifyVpcPeeringConnection: [InvalidParameterValue] Bandwidth too high. (RequestId 7f00)";
        var context = Context().Fails<ModifyPeeringInput>(nameof(ModifyPeeringActivity), refusal);

        var outcome = await RunAsync(context, ToThreeHundred);

        Assert.Equal(BandwidthChangeStatus.Failed, outcome.Status);
        Assert.Equal("InvalidParameterValue", outcome.ErrorCode);
        Assert.Equal(100, outcome.BandwidthMbps);
        Assert.Equal($"Tencent refused the change: {refusal}", outcome.Message);
        Assert.Equal([nameof(DescribePeeringsActivity), nameof(ModifyPeeringActivity)], context.Names);
    }

    [Fact]
    public async Task A_read_back_that_shows_another_bandwidth_fails_the_change_and_reports_what_tencent_shows()
    {
        bandwidthAfterChange = 200;
        var context = Context();

        var outcome = await RunAsync(context, ToThreeHundred);

        Assert.Equal(BandwidthChangeStatus.Failed, outcome.Status);
        Assert.Equal(200, outcome.BandwidthMbps);
        Assert.Contains("reports 200 Mbps", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_reports_each_step_and_ends_completed_with_names_its_readers_know()
    {
        var context = Context();

        await RunAsync(context, ToThreeHundred);

        Assert.Equal(
            [BandwidthChangeSteps.Reading, BandwidthChangeSteps.Changing, BandwidthChangeSteps.ReadingBack, BandwidthChangeSteps.Completed],
            context.Statuses.Cast<BandwidthChangeProgress>().Select(s => s.Step));
        Assert.Equal(
            """{"step":"Changing","peeringConnectionId":"pcx-ab12cd34","requestedMbps":300}""",
            JsonSerializer.Serialize(context.Statuses[1], new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    [Fact]
    public async Task Nothing_secret_reaches_the_inputs_the_status_or_the_outcome()
    {
        var context = Context();

        var outcome = await RunAsync(context, ToThreeHundred);

        var persisted = string.Join('\n', context.Calls.Select(c => JsonSerializer.Serialize(c.Input)).Concat(context.Statuses.Select(s => JsonSerializer.Serialize(s)))
            .Append(JsonSerializer.Serialize(outcome)).Append(JsonSerializer.Serialize(ToThreeHundred)));
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, persisted, StringComparison.Ordinal));
    }
}
