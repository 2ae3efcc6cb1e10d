using System.Text.Json;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>The custom status a portal polls: small, secret-free, always naming the step and, once it exists, the pcx.</summary>
public sealed class CustomStatusTests
{
    private static readonly HashSet<string> KnownSteps =
    [
        PeeringSteps.Preflight, PeeringSteps.Requesting, PeeringSteps.WaitingForAcceptance, PeeringSteps.Accepting, PeeringSteps.Activating,
        PeeringSteps.ClosingRequest, PeeringSteps.Configuring, PeeringSteps.Verifying, PeeringSteps.Compensating, PeeringSteps.Completed,
    ];

    private static readonly HashSet<string> AllowedProperties =
    [
        "step", "peeringConnectionId", "initiator", "receiver", "acceptanceDeadline", "message",
        "state", "routesReady", "subnetsReady", "activeBeforeConsent",
        "decision", "decisionId", "accept", "source",
    ];

    [Theory]
    [InlineData("accepted")]
    [InlineData("rejected")]
    [InlineData("expired")]
    [InlineData("failed")]
    [InlineData("reused")]
    public async Task Custom_status_always_names_the_step_and_keeps_the_pcx_once_it_exists(string scenario)
    {
        var (context, expectedPcx) = await RunAsync(scenario);

        Assert.NotEmpty(context.Statuses);
        Assert.All(context.Statuses, s => Assert.IsType<PeeringProgress>(s));
        Assert.All(context.Progress, p => Assert.Contains(p.Step, KnownSteps));
        var firstWithPcx = context.Progress.ToList().FindIndex(p => p.PeeringConnectionId is not null);
        Assert.True(firstWithPcx > 0, "the pcx id appears once the peering exists");
        Assert.All(context.Progress.Skip(firstWithPcx), p => Assert.Equal(expectedPcx, p.PeeringConnectionId));
        Assert.All(context.Progress.Take(firstWithPcx), p => Assert.Contains(p.Step, new[] { PeeringSteps.Preflight, PeeringSteps.Requesting }));
        Assert.Equal(PeeringSteps.Completed, context.Progress[^1].Step);
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("failed")]
    public async Task Custom_status_never_contains_secrets_and_stays_small(string scenario)
    {
        var (context, _) = await RunAsync(scenario);

        Assert.All(context.Statuses, status =>
        {
            var json = JsonSerializer.Serialize(status, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            Assert.All(Secrets, secret => Assert.DoesNotContain(secret, json, StringComparison.Ordinal));
            Assert.DoesNotContain("secret", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("credential", json, StringComparison.OrdinalIgnoreCase);
            Assert.All(PropertyNames(JsonDocument.Parse(json).RootElement), name => Assert.Contains(name, AllowedProperties));
            Assert.True(json.Length < 16 * 1024, $"custom status is {json.Length} characters; Durable Task caps it at 16 KB");
        });
    }

    private static async Task<(FakeOrchestrationContext Context, string Pcx)> RunAsync(string scenario)
    {
        var cloud = new DemoCloud();
        var context = Demo.ContextFor(cloud);
        var request = Demo.AlphaToBeta();
        var pcx = NewPeeringId;
        switch (scenario)
        {
            case "accepted":
                context.Decide(Demo.Accept());
                break;
            case "rejected":
                context.Decide(Demo.Reject());
                break;
            case "expired":
                context.DeadlinePasses();
                break;
            case "failed":
                context.Decide(Demo.Accept()).Fails<CreateRoutesInput>(
                    nameof(CreateRoutesActivity), "CreateRoutes: [InvalidParameterValue.Duplicate] Duplicate. (RequestId 1)", when: r => r.Account == Beta);
                break;
            case "reused":
                pcx = "pcx-11ve0001";
                cloud.AddPeering(pcx, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "PENDING");
                context.Decide(Demo.Accept());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }

        await context.RunPeeringAsync(request);
        return (context, pcx);
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
