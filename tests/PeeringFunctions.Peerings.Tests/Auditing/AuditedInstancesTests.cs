using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Peerings.Tests.Auditing;

/// <summary>The workflow files a Tencent write under the peering its instance works on: it reads the ids this project makes.</summary>
public sealed class AuditedInstancesTests
{
    private const string Peering = "peering-vpc-abc-vpc-def";

    [Fact]
    public void Every_instance_of_a_peering_is_filed_under_that_peering()
    {
        Assert.Equal(Peering, AuditedInstances.PeeringOf(Peering));
        Assert.Equal(Peering, AuditedInstances.PeeringOf(PeeringInstanceIds.TeardownOf(Peering)));
        Assert.Equal(Peering, AuditedInstances.PeeringOf(PeeringInstanceIds.RepairOf(Peering)));
        Assert.Equal(Peering, AuditedInstances.PeeringOf(PeeringInstanceIds.BandwidthChangeOf(Peering)));
    }
}
