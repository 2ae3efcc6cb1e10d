namespace PeeringFunctions.HttpApi.Tests;

public sealed class PeeringRequestValidatorTests
{
    private static readonly HashSet<string> Managed = new(StringComparer.OrdinalIgnoreCase) { "alpha", "beta" };

    private static PeeringRequestBody Valid() => new()
    {
        Name = "alpha-to-beta",
        Initiator = new SideBody { Account = "alpha", Region = "ap-guangzhou", VpcId = "vpc-alpha001", RouteTableId = "rtb-alphapcx", SubnetIds = ["subnet-alphaweb"] },
        Receiver = new SideBody { Account = "beta", Region = "ap-shanghai", VpcId = "vpc-beta0001", RouteTableId = "rtb-betapcx1", SubnetIds = ["subnet-betaapp1"] },
    };

    private static IReadOnlyList<FieldProblem> ProblemsOf(PeeringRequestBody body) => PeeringRequestValidator.Validate(body, Managed.Contains).Problems;

    [Fact]
    public void A_complete_request_becomes_a_peering_request_with_the_default_deadline()
    {
        var (request, problems) = PeeringRequestValidator.Validate(Valid(), Managed.Contains);

        Assert.Empty(problems);
        Assert.NotNull(request);
        Assert.Equal(TimeSpan.FromDays(7), request.EffectiveAcceptanceTimeout);
        Assert.True(request.IsCrossRegion);
    }

    [Theory]
    [InlineData("10.0.0.1/16")]
    [InlineData("10/8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("fd00::/8")]
    [InlineData("10.0.0.0/16\n")]
    public void Destination_cidrs_must_be_canonical_ipv4(string cidr)
    {
        var body = Valid();
        body.Initiator!.DestinationCidrs = [cidr];

        Assert.Contains(ProblemsOf(body), p => p.Field == "initiator.destinationCidrs[0]");
    }

    [Theory]
    [InlineData("vpc-ALPHA001")]
    [InlineData("vpc-alpha01")]
    [InlineData("vpc-alpha001\n")]
    [InlineData("rtb-alpha001")]
    public void A_malformed_vpc_id_is_named(string vpcId)
    {
        var body = Valid();
        body.Initiator!.VpcId = vpcId;

        Assert.Contains(ProblemsOf(body), p => p.Field == "initiator.vpcId");
    }

    [Theory]
    [InlineData("peer\u202Egnp.exe")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("line\nbreak")]
    [InlineData("")]
    public void Names_with_invisible_or_control_characters_are_refused(string name)
    {
        var body = Valid();
        body.Name = name;

        Assert.Contains(ProblemsOf(body), p => p.Field == "name");
    }

    [Theory]
    [InlineData("P8D")]
    [InlineData("PT0S")]
    [InlineData("7 days")]
    public void The_acceptance_timeout_must_be_a_duration_up_to_seven_days(string timeout)
    {
        var body = Valid();
        body.AcceptanceTimeout = timeout;

        Assert.Contains(ProblemsOf(body), p => p.Field == "acceptanceTimeout");
    }

    [Fact]
    public void The_same_vpc_on_both_sides_is_refused()
    {
        var body = Valid();
        body.Receiver!.VpcId = body.Initiator!.VpcId;

        Assert.Contains(ProblemsOf(body), p => p.Field == "receiver.vpcId");
    }

    [Fact]
    public void An_unknown_account_is_named_without_echoing_a_long_value()
    {
        var body = Valid();
        body.Receiver!.Account = new string('x', 500);

        var problem = Assert.Single(ProblemsOf(body), p => p.Field == "receiver.account");
        Assert.True(problem.Rule.Length < 120);
    }

    [Fact]
    public void An_external_receiver_needs_the_initiators_destination_cidrs_and_configures_nothing_itself()
    {
        var body = Valid();
        body.Receiver = new SideBody { Uin = "100000000099", Region = "ap-shanghai", VpcId = "vpc-extern01", SubnetIds = ["subnet-extern01"] };

        var problems = ProblemsOf(body);

        Assert.Contains(problems, p => p.Field == "initiator.destinationCidrs");
        Assert.Contains(problems, p => p.Field == "receiver.uin");
    }

    [Fact]
    public void The_initiator_must_be_a_managed_account()
    {
        var body = Valid();
        body.Initiator = new SideBody { Uin = "100000000099", Region = "ap-guangzhou", VpcId = "vpc-extern01" };

        Assert.Contains(ProblemsOf(body), p => p.Field == "initiator.uin");
    }
}
