using PeeringFunctions.Peerings.Requests;

namespace PeeringFunctions.Peerings.Tests.Requests;

public sealed class PeeringRequestValidatorTests
{
    private static readonly HashSet<string> Managed = new(StringComparer.OrdinalIgnoreCase) { "alpha", "beta" };

    private static PeeringRequestBody Valid() => new()
    {
        Name = "alpha-to-beta",
        Initiator = new SideBody { Account = "alpha", Region = "ap-guangzhou", VpcId = "vpc-alpha001", RouteTableId = "rtb-alphapcx", SubnetIds = ["subnet-alphaweb"] },
        Receiver = new SideBody { Account = "beta", Region = "ap-shanghai", VpcId = "vpc-beta0001", RouteTableId = "rtb-betapcx1", SubnetIds = ["subnet-betaapp1"] },
        BandwidthMbps = 10,
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

    [Fact]
    public void A_peering_across_regions_without_a_bandwidth_cap_is_refused_naming_both_regions()
    {
        var body = Valid();
        body.BandwidthMbps = null;

        var problem = Assert.Single(ProblemsOf(body));

        Assert.Equal("bandwidthMbps", problem.Field);
        Assert.Equal("is required for a peering across regions (ap-guangzhou to ap-shanghai): 1 to 5000 Mbps", problem.Rule);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(5001L)]
    public void A_bandwidth_cap_outside_1_to_5000_Mbps_is_refused(long mbps)
    {
        var body = Valid();
        body.BandwidthMbps = mbps;

        Assert.Equal([new FieldProblem("bandwidthMbps", "must be between 1 and 5000")], ProblemsOf(body));
    }

    [Fact]
    public void A_peering_within_a_region_needs_no_bandwidth_cap()
    {
        var body = Valid();
        body.BandwidthMbps = null;
        body.Receiver = new SideBody { Account = "beta", Region = "ap-guangzhou", VpcId = "vpc-betagz01" };

        var (request, problems) = PeeringRequestValidator.Validate(body, Managed.Contains);

        Assert.Empty(problems);
        Assert.Null(request!.CrossRegion);
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

    [Theory]
    [InlineData("ap-atlantis")]
    [InlineData("gz")]
    [InlineData("ap-guangzhou-3")]
    [InlineData("Ap-Guangzhou")]
    public void A_region_not_in_tencents_list_is_refused(string region)
    {
        var body = Valid();
        body.Receiver!.Region = region;

        var problem = Assert.Single(ProblemsOf(body));
        Assert.Equal("receiver.region", problem.Field);
        Assert.Contains("must be a known Tencent region", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_of_sixty_thousand_characters_is_refused_without_being_echoed()
    {
        var body = Valid();
        body.Initiator!.Region = "ap-" + new string('x', 60_000);

        var problem = Assert.Single(ProblemsOf(body));
        Assert.Equal("initiator.region", problem.Field);
        Assert.True(problem.Rule.Length < 400, problem.Rule[..Math.Min(400, problem.Rule.Length)]);
    }

    [Theory]
    [InlineData("na-siliconvalley")]
    [InlineData("eu-frankfurt")]
    [InlineData("ap-shenzhen-fsi")]
    public void Every_known_tencent_region_is_accepted(string region)
    {
        var body = Valid();
        body.Receiver!.Region = region;

        Assert.Empty(ProblemsOf(body));
    }

    [Theory]
    [InlineData("prod\u3164peering")]
    [InlineData("\u3164")]
    [InlineData("\u115Fok")]
    [InlineData("ok\u1160")]
    [InlineData("ok\uFFA0")]
    [InlineData("zero\u200Cjoiner")]
    [InlineData("zero\u200Djoiner")]
    [InlineData("word\u2060joiner")]
    [InlineData("bom\uFEFFinside")]
    [InlineData("bidi\u202Aembedding")]
    [InlineData("bidi\u2067isolate")]
    [InlineData("arabic\u061Cmark")]
    [InlineData("ltr\u200Emark")]
    [InlineData("soft\u00ADhyphen")]
    [InlineData("mongolian\u180Eseparator")]
    public void Names_with_invisible_characters_are_refused_as_invisible(string name)
    {
        var body = Valid();
        body.Name = name;

        var problem = Assert.Single(ProblemsOf(body));
        Assert.Equal("name", problem.Field);
        Assert.Contains("invisible", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p\u0430ypal")]
    [InlineData("alpha-to-b\u0435ta")]
    [InlineData("pr\u03BFd")]
    [InlineData("\u0441\u0435\u0440\u0432\u0435\u0440\u03B1")]
    public void A_word_mixing_latin_greek_or_cyrillic_letters_is_refused(string name)
    {
        var body = Valid();
        body.Name = name;

        var problem = Assert.Single(ProblemsOf(body));
        Assert.Equal("name", problem.Field);
        Assert.Contains("mixes Latin, Greek or Cyrillic", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("研发测试使用")]
    [InlineData("prod-研发")]
    [InlineData("研发DB.v2")]
    [InlineData("сервер-1")]
    [InlineData("Ελληνικά")]
    [InlineData("café to müller")]
    [InlineData("prod сервер")]
    [InlineData("東京テスト")]
    [InlineData("서울-prod")]
    public void Names_in_one_script_per_word_or_with_cjk_are_accepted(string name)
    {
        var body = Valid();
        body.Name = name;

        Assert.Empty(ProblemsOf(body));
    }

    [Theory]
    [InlineData("P2D ")]
    [InlineData("P2D\n")]
    [InlineData("P2D\t")]
    [InlineData("P2D\u00A0")]
    [InlineData(" P2D")]
    [InlineData("P 2D")]
    public void An_acceptance_timeout_with_whitespace_is_refused(string timeout)
    {
        var body = Valid();
        body.AcceptanceTimeout = timeout;

        var problem = Assert.Single(ProblemsOf(body));
        Assert.Equal("acceptanceTimeout", problem.Field);
        Assert.Contains("ISO 8601 duration", problem.Rule, StringComparison.Ordinal);
    }
}
