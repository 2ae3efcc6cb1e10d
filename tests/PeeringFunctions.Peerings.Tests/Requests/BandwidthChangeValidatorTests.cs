using System.Text.Json;
using PeeringFunctions.Peerings.Requests;

namespace PeeringFunctions.Peerings.Tests.Requests;

public sealed class BandwidthChangeValidatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(5000)]
    public void A_whole_number_from_1_to_5000_Mbps_is_the_new_cap(long mbps)
    {
        var (bandwidth, problems) = BandwidthChangeValidator.Validate(new BandwidthChangeBody { BandwidthMbps = mbps });

        Assert.Empty(problems);
        Assert.Equal(mbps, bandwidth);
    }

    [Theory]
    [InlineData(0, "must be at least 1 Mbps")]
    [InlineData(-10, "must be at least 1 Mbps")]
    [InlineData(5001, "must be at most 5000 Mbps (Tencent's 5 Gbps cap on a cross-region peering)")]
    [InlineData(long.MaxValue, "must be at most 5000 Mbps (Tencent's 5 Gbps cap on a cross-region peering)")]
    public void A_cap_outside_the_range_is_refused_naming_the_field_and_the_rule(long mbps, string rule)
    {
        var (bandwidth, problems) = BandwidthChangeValidator.Validate(new BandwidthChangeBody { BandwidthMbps = mbps });

        Assert.Null(bandwidth);
        Assert.Equal([new FieldProblem("bandwidthMbps", rule)], problems);
    }

    [Fact]
    public void A_body_without_the_cap_is_refused_as_missing_it()
    {
        var (bandwidth, problems) = BandwidthChangeValidator.Validate(new BandwidthChangeBody());

        Assert.Null(bandwidth);
        Assert.Equal("bandwidthMbps", Assert.Single(problems).Field);
        Assert.StartsWith("is required", problems[0].Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"bandwidthMbps":"200"}""")]
    [InlineData("""{"bandwidthMbps":1.5}""")]
    [InlineData("""{"bandwidthMbps":true}""")]
    [InlineData("""{"bandwidth":200}""")]
    [InlineData("""{"bandwidthMbps":200,"BandwidthMbps":300}""")]
    public void The_api_reads_only_a_json_number_in_the_one_field_it_knows(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<BandwidthChangeBody>(json, ApiJson.Options));
    }

    [Fact]
    public void The_field_is_named_as_in_the_start_request()
    {
        var body = JsonSerializer.Deserialize<BandwidthChangeBody>("""{"bandwidthMbps":300}""", ApiJson.Options)!;

        Assert.Equal(300, body.BandwidthMbps);
        Assert.NotNull(typeof(PeeringRequestBody).GetProperty(nameof(BandwidthChangeBody.BandwidthMbps)));
    }
}
