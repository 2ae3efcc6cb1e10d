using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Tests.Adoption;

public sealed class RegistryLifeTests
{
    [Theory]
    [InlineData(RegistryStates.Active, true)]
    [InlineData(RegistryStates.Drifted, true)]
    [InlineData(RegistryStates.Repairing, true)]
    [InlineData(RegistryStates.TearingDown, true)]
    [InlineData(RegistryStates.TeardownFailed, true)]
    [InlineData(RegistryStates.TornDown, false)]
    [InlineData(RegistryStates.PeerDeleted, false)]
    [InlineData(RegistryStates.Failed, false)]
    [InlineData(RegistryStates.Rejected, false)]
    [InlineData(RegistryStates.Expired, false)]
    [InlineData(RegistryStates.PreflightFailed, false)]
    [InlineData(RegistryStates.Requested, false)]
    public void A_record_holds_its_vpc_pair_only_while_its_peering_is_in_place(string state, bool inPlace) =>
        Assert.Equal(inPlace, RegistryLife.IsInPlace(state));

    [Fact]
    public void An_adopted_record_written_after_a_run_of_ours_began_is_the_pairs_status_and_a_requested_one_never_is()
    {
        var run = PeeringInstances.Active(PeeringInstances.AlphaToBeta());
        var side = new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", null, [], [], []);
        var adopted = new RegisteredPeering(run.InstanceId, "n", RegistryStates.Active, "pcx-later001", side, side, run.CreatedAt.AddHours(1), Origin: PeeringOrigins.Adopted);

        Assert.True(adopted.Supersedes(run));
        Assert.False((adopted with { UpdatedAt = run.CreatedAt.AddHours(-1) }).Supersedes(run));
        Assert.False((adopted with { Origin = PeeringOrigins.Requested }).Supersedes(run));
        Assert.False(((RegisteredPeering?)null).Supersedes(run));
    }
}
