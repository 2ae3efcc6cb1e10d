using Microsoft.Extensions.Logging.Abstractions;
using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Tests.Adoption;

/// <summary>A request for a VPC pair the registry holds in place (adopted, or its history purged) is refused like one for a pair we peered.</summary>
public sealed class StartOfAnAdoptedPairTests
{
    private readonly DurableFake durable = new();
    private readonly InMemoryPeeringRegistry registry = new();

    private static RegisteredPeering Record(string id, string state) => new(
        id, "console-made", state, "pcx-adopt001",
        new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", "rtb-alphapcx", ["172.16.0.0/16"], [], []),
        new RegisteredSide("beta", null, "ap-shanghai", "vpc-beta0001", "rtb-betapcx1", ["10.10.0.0/16"], [], []),
        PeeringInstances.Created, Origin: PeeringOrigins.Adopted);

    private Task<StartResult> StartAsync() =>
        new PeeringOperations(registry, NullLogger<PeeringOperations>.Instance).StartAsync(durable.Client, PeeringInstances.AlphaToBeta(), CancellationToken.None);

    [Fact]
    public async Task An_adopted_active_record_of_the_pair_refuses_the_request_naming_it_and_starts_nothing()
    {
        var id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());
        await registry.UpsertAsync(Record(id, RegistryStates.Active));

        var result = await StartAsync();

        Assert.False(result.Started);
        Assert.Contains($"already peered by {id} (pcx-adopt001, Active, adopted)", result.Refusal, StringComparison.Ordinal);
        Assert.Equal("adopted", result.View!.Origin);
        Assert.Empty(durable.Started);
    }

    [Fact]
    public async Task A_torn_down_record_of_the_pair_lets_a_new_request_start()
    {
        await registry.UpsertAsync(Record(PeeringInstances.IdOf(PeeringInstances.AlphaToBeta()), RegistryStates.TornDown));

        var result = await StartAsync();

        Assert.True(result.Started, result.Refusal);
        Assert.Single(durable.Started);
    }
}
