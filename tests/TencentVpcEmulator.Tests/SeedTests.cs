using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>Seed loading and validation.</summary>
public class SeedTests
{
    private const string Valid = """
        {"accounts":[{"name":"a","uin":100000000001,"appId":"1250000001","secretId":"AKIDa","secretKey":"ka"}],
         "vpcs":[{"account":"a","region":"ap-guangzhou","vpcId":"vpc-aaaaaaaa","cidrBlock":"10.0.0.0/16","assistantCidrs":[],
                  "routeTables":[{"routeTableId":"rtb-aaaaaaaa","main":true}],
                  "subnets":[{"subnetId":"subnet-aaaaaaaa","cidrBlock":"10.0.1.0/24","zone":"ap-guangzhou-3","routeTableId":"rtb-aaaaaaaa"}]}]}
        """;

    [Fact]
    public void The_demo_seed_holds_the_documented_identifiers()
    {
        var seed = EmulatorSeed.Demo;
        Assert.Equal(["alpha", "beta"], seed.Accounts.Select(a => a.Name));
        Assert.Equal([100000000001L, 100000000002L], seed.Accounts.Select(a => a.Uin));
        Assert.Equal([1250000001L, 1250000002L], seed.Accounts.Select(a => a.AppId));
        Assert.Equal([Demo.Alpha.SecretId, Demo.Beta.SecretId], seed.Accounts.Select(a => a.SecretId));
        Assert.Equal([Demo.Alpha.SecretKey, Demo.Beta.SecretKey], seed.Accounts.Select(a => a.SecretKey));
        Assert.Equal(
            ["vpc-alpha001 ap-guangzhou 10.10.0.0/16 +10.11.0.0/16", "vpc-beta0001 ap-shanghai 172.16.0.0/16", "vpc-betagz01 ap-guangzhou 192.168.0.0/20", "vpc-betaover ap-shanghai 10.10.128.0/20"],
            seed.Vpcs.Select(v => $"{v.VpcId} {v.Region} {v.CidrBlock}{string.Concat(v.AssistantCidrs!.Select(c => " +" + c))}"));
        Assert.Equal(
            ["rtb-alphamai*", "rtb-alphapcx", "rtb-betamain*", "rtb-betapcx1", "rtb-betagzmn*", "rtb-betaovmn*"],
            seed.Vpcs.SelectMany(v => v.RouteTables!).Select(t => t.RouteTableId + (t.Main ? "*" : "")));
        Assert.Equal(
            ["subnet-alphaweb 10.10.1.0/24 ap-guangzhou-3 rtb-alphamai", "subnet-alphadb1 10.10.2.0/24 ap-guangzhou-4 rtb-alphamai",
             "subnet-betaapp1 172.16.1.0/24 ap-shanghai-2 rtb-betamain", "subnet-betagz01 192.168.1.0/24 ap-guangzhou-3 rtb-betagzmn",
             "subnet-betaover 10.10.129.0/24 ap-shanghai-2 rtb-betaovmn"],
            seed.Vpcs.SelectMany(v => v.Subnets!).Select(s => $"{s.SubnetId} {s.CidrBlock} {s.Zone} {s.RouteTableId}"));
    }

    [Fact]
    public void The_demo_seed_file_is_copied_next_to_the_binaries_and_matches_the_embedded_one()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Seeds", "demo.json");
        Assert.True(File.Exists(path), path);
        Assert.Equal(
            EmulatorSeed.Demo.Vpcs.Select(v => v.VpcId),
            EmulatorSeed.Load(path).Vpcs.Select(v => v.VpcId));
    }

    [Fact]
    public void Uins_and_app_ids_may_be_json_strings_or_numbers()
    {
        var seed = EmulatorSeed.Parse(Valid);
        Assert.Equal(100000000001L, seed.Accounts[0].Uin);
        Assert.Equal(1250000001L, seed.Accounts[0].AppId);
    }

    [Fact]
    public void A_seed_account_never_prints_its_secret_key()
    {
        Assert.DoesNotContain("ka", EmulatorSeed.Parse(Valid).Accounts[0].ToString().Replace("AKIDa", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"account\":\"a\"", "\"account\":\"zz\"", "vpcs[0] ('vpc-aaaaaaaa'): account 'zz'")]
    [InlineData("\"region\":\"ap-guangzhou\"", "\"region\":\"moon-1\"", "region 'moon-1'")]
    [InlineData("\"vpcId\":\"vpc-aaaaaaaa\"", "\"vpcId\":\"vpc-A\"", "vpcId 'vpc-A'")]
    [InlineData("\"cidrBlock\":\"10.0.1.0/24\"", "\"cidrBlock\":\"10.9.1.0/24\"", "subnets 'subnet-aaaaaaaa': cidrBlock '10.9.1.0/24' is not inside")]
    [InlineData("\"main\":true", "\"main\":false", "exactly one route table")]
    [InlineData("\"zone\":\"ap-guangzhou-3\"", "\"zone\":\"ap-shanghai-2\"", "zone 'ap-shanghai-2'")]
    [InlineData("\"routeTableId\":\"rtb-aaaaaaaa\"}]}]", "\"routeTableId\":\"rtb-bbbbbbbb\"}]}]", "routeTableId 'rtb-bbbbbbbb' is not a route table of this VPC")]
    [InlineData("\"secretKey\":\"ka\"", "\"secretKey\":\"\"", "accounts[0] ('a'): secretKey")]
    [InlineData("\"cidrBlock\":\"10.0.0.0/16\"", "\"cidrBlock\":\"10.0.0.1/16\"", "cidrBlock '10.0.0.1/16'")]
    public void An_inconsistent_seed_fails_with_a_message_naming_the_entry(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var ex = Assert.Throws<SeedValidationException>(() => EmulatorSeed.Parse(Valid.Replace(find, replace, StringComparison.Ordinal), "test.json"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.json: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_seed_validation_error()
    {
        Assert.Throws<SeedValidationException>(() => EmulatorSeed.Parse("{\"accounts\": [", "broken.json"));
    }

    [Fact]
    public async Task A_seed_file_path_option_is_loaded_at_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Valid);
        try
        {
            await using var server = await TencentVpcEmulatorServer.StartAsync(new EmulatorOptions { SeedPath = path });
            Assert.Equal("vpc-aaaaaaaa", Assert.Single(server.Snapshot().Vpcs).VpcId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
