using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Tests.Adoption;

public sealed class AdoptionValidatorTests
{
    [Fact]
    public void A_complete_body_becomes_a_request_and_the_repair_policy_defaults_to_repair()
    {
        var (request, problems) = AdoptionValidator.Validate(new AdoptionBody { Account = " alpha ", Region = "ap-guangzhou", PeeringConnectionId = "pcx-abc12345" });

        Assert.Empty(problems);
        Assert.Equal(new AdoptionRequest("alpha", "ap-guangzhou", "pcx-abc12345", RepairPolicies.Repair), request);
    }

    [Fact]
    public void An_empty_body_names_every_required_field()
    {
        var (request, problems) = AdoptionValidator.Validate(new AdoptionBody());

        Assert.Null(request);
        Assert.Equal(["account", "region", "peeringConnectionId"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("region", "mars-north-1")]
    [InlineData("peeringConnectionId", "pcx-ABC12345")]
    [InlineData("peeringConnectionId", "vpc-abc12345")]
    [InlineData("repairPolicy", "Repair")]
    [InlineData("repairPolicy", "ignore")]
    public void A_field_out_of_its_rule_is_named_alone(string field, string value)
    {
        var body = new AdoptionBody { Account = "alpha", Region = "ap-guangzhou", PeeringConnectionId = "pcx-abc12345", RepairPolicy = RepairPolicies.Notify };
        switch (field)
        {
            case "region": body.Region = value; break;
            case "peeringConnectionId": body.PeeringConnectionId = value; break;
            default: body.RepairPolicy = value; break;
        }

        var (request, problems) = AdoptionValidator.Validate(body);

        Assert.Null(request);
        Assert.Equal(field, Assert.Single(problems).Field);
    }
}
