using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.LocalHost.Demo;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>`--demo`, run against a test host: one full peering through the API, verified on the emulator.</summary>
public sealed class DemoTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Demo_drives_a_full_peering_through_the_http_api_and_exits_zero_once_the_emulator_shows_it_active()
    {
        using var output = new StringWriter();

        var exitCode = await new PeeringDemo(Fixture.Host, output).RunAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains("step WaitingForAcceptance", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Verified:", output.ToString(), StringComparison.Ordinal);
        var peering = Assert.Single(Emulator.Snapshot().LivePeeringsBetween(AlphaVpc, BetaVpc));
        Assert.Equal("ACTIVE", peering.State);
    }
}
