using TencentVpcEmulator.Actions;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>
/// Issue 15, item 5: every error an action can be made to answer is one Tencent documents for that action (its own
/// list, or a common code whose family the list does not refine). Each action is provoked over raw HTTP in every way
/// we know; the exact codes asserted below are the ones where the emulator used to answer with an undocumented one.
/// </summary>
public class DocumentedErrorCodeTests
{
    private const string Stranger = "pcx-zzzzzzzz";
    private static readonly string LongName = new('n', 61);
    private static readonly SeedVpc SecondAlphaVpc = Seeds.Vpc("alpha", Demo.Guangzhou, "alpha002", "10.20.0.0/16");

    public static TheoryData<string> EmulatedActions() => new(new ActionRegistry().All.Select(a => a.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void The_test_has_a_documented_list_for_exactly_the_actions_the_emulator_serves()
    {
        Assert.Equal(
            DocumentedCodes.ByAction.Keys.Order(StringComparer.Ordinal),
            new ActionRegistry().All.Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EmulatedActions))]
    public async Task Every_error_the_action_can_be_made_to_answer_is_documented_for_it(string action)
    {
        await using var emu = await Emulator.StartAsync(o => o.Seed = Seeds.DemoWith(SecondAlphaVpc));
        var probe = new ErrorProbe(emu, action);

        Assert.True(Provocations.TryGetValue(action, out var provoke), $"no provocations are written for {action}");
        await provoke(probe);
        await probe.CommonChecksAsync(action is "AcceptVpcPeeringConnection" or "RejectVpcPeeringConnection" ? Demo.Shanghai : Demo.Guangzhou,
            action is "AcceptVpcPeeringConnection" or "RejectVpcPeeringConnection" ? Demo.Beta : null);

        Assert.True(probe.Seen.Count >= 6, $"{action} was provoked only {probe.Seen.Count} times");
        var undocumented = probe.Seen.Where(s => !DocumentedCodes.AllowsAnswer(action, s.Code)).ToList();
        Assert.True(undocumented.Count == 0,
            $"{action} answered codes Tencent does not document for it: {string.Join("; ", undocumented.Select(u => $"{u.Code} for {u.Provocation}"))}");
    }

    private static readonly Dictionary<string, Func<ErrorProbe, Task>> Provocations = new(StringComparer.Ordinal)
    {
        ["CreateVpcPeeringConnection"] = async p =>
        {
            await p.Expect("MissingParameter", Peering(name: null));
            await p.Expect("InvalidParameterValue.Empty", Peering(name: ""));
            await p.Expect("InvalidParameterValue", Peering(name: LongName)); // not TooLong: Create does not document it
            await p.Expect("InvalidParameterValue.Malformed", Peering(source: "vpc-BAD"));
            await p.Expect("InvalidParameterValue", Peering(bandwidth: -1)); // not Range: Create does not document it
            await p.Expect("InvalidParameterValue", Peering(chargeType: "FREE"));
            await p.Expect("ResourceNotFound", Peering(destination: "vpc-zzzzzzzz"));
            await p.Expect("UnsupportedOperation.VpcPeerCidrConflict", Peering(destination: Demo.BetaOverlappingVpc));
            await p.Expect("InvalidParameter", new { Colour = "red" }); // not UnknownParameter: Create does not document it
            await p.Expect("InvalidParameter", Peering(tags: new[] { new { Key = "k", Colour = "red" } }));
            await p.Expect("MissingParameter", Peering(tags: new[] { new { Value = "v" } }));
            await p.ExpectRaw("InvalidParameter", """{"SourceVpcId":"vpc-alpha001","PeeringConnectionName":"p","DestinationVpcId":"vpc-beta0001","DestinationUin":"100000000002","DestinationRegion":"ap-shanghai","Bandwidth":"10"}""");
            await p.Emulator.CreateAlphaToBetaAsync();
            await p.Expect("UnsupportedOperation.VpcPeerAlreadyExist", Peering());
        },
        ["AcceptVpcPeeringConnection"] = async p => await AnswerProvocations(p),
        ["RejectVpcPeeringConnection"] = async p => await AnswerProvocations(p),
        ["DeleteVpcPeeringConnection"] = async p =>
        {
            var id = await p.Emulator.CreateAlphaToBetaAsync();
            await p.Expect("InvalidParameterValue.Malformed", new { });
            await p.Expect("InvalidParameterValue.Malformed", new { PeeringConnectionId = "pcx-BAD" });
            await p.ExpectRaw("InvalidParameterValue.Malformed", """{"PeeringConnectionId":7}""");
            await p.Expect("ResourceNotFound", new { PeeringConnectionId = Stranger });
            await p.Expect("UnsupportedOperation.VpcPeerPurviewError", new { PeeringConnectionId = id }, Seeds.Gamma);
            Api.Ok(await p.Emulator.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = id }));
            await p.Expect("ResourceNotFound", new { PeeringConnectionId = id });
        },
        ["ModifyVpcPeeringConnection"] = async p =>
        {
            var id = await p.Emulator.ActiveAlphaToBetaAsync();
            await p.Expect("MissingParameter", new { PeeringConnectionName = "x" });
            await p.Expect("InvalidParameterValue.Malformed", new { PeeringConnectionId = "pcx-BAD" });
            await p.Expect("ResourceNotFound", new { PeeringConnectionId = Stranger });
            await p.Expect("InvalidParameterValue", new { PeeringConnectionId = id, PeeringConnectionName = LongName });
            await p.Expect("InvalidParameterValue.Empty", new { PeeringConnectionId = id, PeeringConnectionName = "" });
            await p.Expect("InvalidParameterValue", new { PeeringConnectionId = id, Bandwidth = -5 });
            await p.Expect("InvalidParameterValue", new { PeeringConnectionId = id, ChargeType = "FREE" });
            await p.Expect("InvalidParameter", new { PeeringConnectionId = id, Colour = "red" });
        },
        ["DescribeVpcPeeringConnections"] = async p =>
        {
            await p.Expect("InvalidParameter.Coexist", new { PeeringConnectionIds = new[] { Stranger }, Filters = Filter("vpc-id", Demo.AlphaVpc) });
            await p.Expect("InvalidParameter", new { Filters = Filter("colour", "blue") }); // not FilterInvalidKey: undocumented here
            await p.Expect("InvalidParameter.FilterNotDict", new { Filters = new[] { new { Name = "vpc-id", Values = Demo.AlphaVpc } } }); // not FilterValuesNotList
            await p.Expect("InvalidParameter.FilterNotDict", new { Filters = new object[] { "vpc-id" } });
            await p.Expect("InvalidParameterValue.Range", new { Offset = -1 });
            await p.Expect("InvalidParameterValue.LimitExceeded", new { Limit = 101 });
            await p.Expect("InvalidParameterValue", new { OrderField = "Colour" });
            await p.Expect("InvalidParameterValue.Malformed", new { PeeringConnectionIds = new[] { "pcx-BAD" } });
            await p.Expect("ResourceNotFound", new { PeeringConnectionIds = new[] { Stranger } });
            await p.Expect("InvalidParameterValue.LimitExceeded", new { PeeringConnectionIds = Enumerable.Range(0, 101).Select(i => $"pcx-{i:d8}").ToArray() });
            await p.Expect("UnknownParameter", new { Colour = "red" });
            await p.Expect("InvalidParameter", new { Offset = "1" });
        },
        ["CreateRoutes"] = async p =>
        {
            var pcx = await p.Emulator.ActiveAlphaToBetaAsync();
            await p.Expect("InvalidParameterValue.Malformed", new { Routes = new[] { Nat("192.168.0.0/24") } }); // not MissingParameter
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = Demo.AlphaPeeringTable }); // not MissingParameter
            await p.Expect("InvalidParameterValue", new { RouteTableId = Demo.AlphaPeeringTable, Routes = Array.Empty<object>() });
            await p.Expect("InvalidParameterValue.Malformed", Routes(new { DestinationCidrBlock = "192.168.0.0/24", GatewayType = "NAT" }));
            await p.Expect("UnknownParameter.WithGuess", Routes(new { DestinationCidrBlock = "192.168.0.0/24", GatewayType = "NAT", GatewayId = "nat-12345678", Colour = "red" }));
            await p.Expect("UnknownParameter.WithGuess", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { Nat("192.168.0.0/24") }, Colour = "red" });
            await p.Expect("InvalidParameterValue.Malformed", Routes(new { DestinationCidrBlock = "192.168.0.0/24", GatewayType = "NAT", GatewayId = "nat-12345678", Enabled = "yes" }));
            await p.Expect("InvalidParameterValue.Malformed", Routes(Nat("192.168.0.0/33")));
            await p.Expect("InvalidParameterValue", Routes(new { DestinationCidrBlock = "192.168.0.0/24", GatewayType = "TELEPORT", GatewayId = "x" }));
            await p.Expect("ResourceNotFound", new { RouteTableId = "rtb-zzzzzzzz", Routes = new[] { Nat("192.168.0.0/24") } });
            await p.Expect("InvalidParameterValue.RouteNextHopInvalid", Routes(new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = Stranger }));
            await p.Expect("InvalidParameterValue.CidrNotInPeerVpc", Routes(new { DestinationCidrBlock = "192.168.0.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }));
            await p.Expect("InvalidParameterValue.SubnetOverlapRoute", Routes(Nat("10.10.1.0/24")));
            await p.Expect("InvalidParameterValue.VpcCidrOverlapRoute", Routes(Nat("10.11.0.0/16")));
            await p.Expect("InvalidParameterValue.VpcCidrConflict", Routes(Nat("10.10.5.0/24")));
            Api.Ok(await p.Emulator.Alpha("CreateRoutes", Routes(new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = pcx })));
            await p.Expect("InvalidParameterValue.Duplicate", Routes(new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = pcx }));
            await p.Expect("UnsupportedOperation.EcmpWithUserRoute", Routes(Nat("172.16.0.0/16")));
        },
        ["DeleteRoutes"] = async p =>
        {
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = Demo.AlphaPeeringTable }); // not MissingParameter
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteDescription = "x" } } });
            await p.Expect("UnknownParameter.WithGuess", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteId = 1, Colour = "red" } } });
            await p.Expect("UnknownParameter.WithGuess", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteId = 1 } }, Colour = "red" });
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteItemId = "rti-BAD" } } });
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteId = "1" } } });
            await p.Expect("ResourceNotFound", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteId = 99 } } });
            await p.Expect("ResourceNotFound", new { RouteTableId = "rtb-zzzzzzzz", Routes = new[] { new { RouteId = 1 } } });
        },
        ["ReplaceRoutes"] = async p =>
        {
            var pcx = await p.Emulator.ActiveAlphaToBetaAsync();
            var created = Api.Ok(await p.Emulator.Alpha("CreateRoutes", Routes(new { DestinationCidrBlock = "172.16.1.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx })));
            var item = created.GetProperty("RouteTableSet")[0].GetProperty("RouteSet")[0].Str("RouteItemId");
            object Replace(object route) => Routes(route);
            await p.Expect("InvalidParameterValue.Malformed", Replace(new { DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx })); // not MissingParameter
            await p.Expect("InvalidParameterValue.Malformed", Replace(new { RouteItemId = "rti-BAD", DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }));
            await p.Expect("UnsupportedOperation.RecordNotExists", Replace(new { RouteItemId = "rti-zzzzzzzz", DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }));
            await p.Expect("ResourceNotFound", new { RouteTableId = "rtb-zzzzzzzz", Routes = new[] { new { RouteItemId = item, DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx } } });
            await p.Expect("InvalidParameterValue", Replace(new { RouteItemId = item, DestinationCidrBlock = "172.16.2.0/24", GatewayType = "WORMHOLE", GatewayId = "x" }));
            await p.Expect("InvalidParameterValue.CidrNotInPeerVpc", Replace(new { RouteItemId = item, DestinationCidrBlock = "192.168.1.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }));
            await p.Expect("UnknownParameter.WithGuess", Replace(new { RouteItemId = item, DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx, Colour = "red" }));
        },
        ["EnableRoutes"] = async p => await RouteSwitchProvocations(p),
        ["DisableRoutes"] = async p => await RouteSwitchProvocations(p),
        ["DescribeRouteTables"] = async p =>
        {
            await p.Expect("InvalidParameter.Coexist", new { RouteTableIds = new[] { Demo.AlphaMainTable }, Filters = Filter("vpc-id", Demo.AlphaVpc) });
            await p.Expect("InvalidParameter.FilterInvalidKey", new { Filters = Filter("colour", "blue") });
            await p.Expect("InvalidParameter.FilterNotDict", new { Filters = new[] { new { Name = "vpc-id", Values = Demo.AlphaVpc } } }); // not FilterValuesNotList
            await p.Expect("InvalidParameter.FilterMissParameter", new { Filters = Filter("next-hop-type", "NAT") });
            await p.Expect("InvalidParameterValue.Range", new { Offset = "-1" });
            await p.Expect("InvalidParameterValue.LimitExceeded", new { Limit = "101" });
            await p.Expect("InvalidParameterValue.Malformed", new { Limit = "ten" }); // not plain InvalidParameterValue
            await p.Expect("InvalidParameterValue.Malformed", new { Offset = 1 }); // a number where a string is defined
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableIds = new[] { "rtb-BAD" } });
            await p.Expect("ResourceNotFound", new { RouteTableIds = new[] { "rtb-zzzzzzzz" } });
        },
        ["ReplaceRouteTableAssociation"] = async p =>
        {
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = Demo.AlphaPeeringTable }); // not MissingParameter
            await p.Expect("InvalidParameterValue.Malformed", new { SubnetId = Demo.AlphaWebSubnet });
            await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = "rtb-BAD", SubnetId = Demo.AlphaWebSubnet });
            await p.Expect("ResourceNotFound", new { RouteTableId = "rtb-zzzzzzzz", SubnetId = Demo.AlphaWebSubnet });
            await p.Expect("ResourceNotFound", new { RouteTableId = Demo.AlphaPeeringTable, SubnetId = "subnet-zzzzzzzz" });
            await p.Expect("UnsupportedOperation.VpcMismatch", new { RouteTableId = "rtb-alpha002", SubnetId = Demo.AlphaWebSubnet });
        },
        ["DescribeVpcs"] = async p => await DescribeListProvocations(p, "VpcIds", "vpc", Demo.AlphaVpc, "InvalidParameter.FilterValuesNotList"),
        ["DescribeSubnets"] = async p =>
        {
            await DescribeListProvocations(p, "SubnetIds", "subnet", Demo.AlphaWebSubnet, "InvalidParameter.FilterValuesNotList");
            await p.Expect("InvalidParameterValue.Malformed", new { MaxResults = 10, NextToken = "!!!" });
            await p.Expect("InvalidParameterValue.Range", new { MaxResults = 0 });
        },
    };

    /// <summary>Accept and Reject share their rules: the receiver (beta, in Shanghai) answers a PENDING request.</summary>
    private static async Task RouteSwitchProvocations(ErrorProbe p)
    {
        await p.Expect("InvalidParameter.Coexist", new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = new[] { 1 }, RouteItemIds = new[] { "rti-zzzzzzzz" } });
        await p.Expect("MissingParameter", new { RouteTableId = Demo.AlphaPeeringTable });
        await p.Expect("InvalidParameterValue.LimitExceeded", new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = Enumerable.Range(1, 101).ToArray() });
        await p.Expect("InvalidParameterValue.Malformed", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = new[] { "rti-BAD" } });
        await p.Expect("ResourceNotFound", new { RouteTableId = "rtb-zzzzzzzz", RouteIds = new[] { 1 } });
        await p.Expect("ResourceNotFound", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = new[] { "rti-zzzzzzzz" } });
        await p.AnyError("""{"RouteTableId":"rtb-alphapcx","RouteIds":["1"]}""");
    }

    private static async Task AnswerProvocations(ErrorProbe p)
    {
        var id = await p.Emulator.CreateAlphaToBetaAsync();
        await p.Expect("InvalidParameterValue.Malformed", new { }, Demo.Beta, Demo.Shanghai); // not MissingParameter
        await p.Expect("InvalidParameterValue.Malformed", new { PeeringConnectionId = "pcx-BAD" }, Demo.Beta, Demo.Shanghai);
        await p.ExpectRaw("InvalidParameterValue.Malformed", """{"PeeringConnectionId":7}""", Demo.Beta, Demo.Shanghai); // not InvalidParameter
        await p.Expect("ResourceNotFound", new { PeeringConnectionId = Stranger }, Demo.Beta, Demo.Shanghai);
        await p.Expect("UnsupportedOperation.VpcPeerPurviewError", new { PeeringConnectionId = id }, Demo.Alpha, Demo.Guangzhou);
        Api.Ok(await p.Emulator.Beta(p.Action, new { PeeringConnectionId = id }));
        await p.Expect("UnsupportedOperation.VpcPeerInvalidStateChange", new { PeeringConnectionId = id }, Demo.Beta, Demo.Shanghai);
    }

    /// <summary>DescribeVpcs and DescribeSubnets: ids or filters, string Offset/Limit.</summary>
    private static async Task DescribeListProvocations(ErrorProbe p, string idsName, string prefix, string knownId, string valuesNotList)
    {
        await p.Expect("InvalidParameter.Coexist", new Dictionary<string, object> { [idsName] = new[] { knownId }, ["Filters"] = Filter("vpc-id", Demo.AlphaVpc) });
        await p.Expect("InvalidParameter.FilterInvalidKey", new { Filters = Filter("colour", "blue") });
        await p.Expect(valuesNotList, new { Filters = new[] { new { Name = "vpc-id", Values = Demo.AlphaVpc } } });
        await p.Expect("InvalidParameter.FilterNotDict", new { Filters = new object[] { "vpc-id" } });
        await p.Expect("InvalidParameterValue.Range", new { Offset = "-1" });
        await p.Expect("InvalidParameterValue.LimitExceeded", new { Limit = "101" });
        await p.Expect("InvalidParameterValue.Malformed", new { Limit = "ten" });
        await p.Expect("InvalidParameterValue.Malformed", new Dictionary<string, object> { [idsName] = new[] { $"{prefix}-BAD" } });
        await p.Expect("ResourceNotFound", new Dictionary<string, object> { [idsName] = new[] { $"{prefix}-zzzzzzzz" } });
        await p.Expect("UnknownParameter", new { Colour = "red" }); // neither action documents a refinement: the common code
    }

    private static object Peering(
        string source = Demo.AlphaVpc,
        string destination = Demo.BetaVpc,
        string? name = "p",
        long? bandwidth = 10, // cross-region (Guangzhou to Shanghai): a bandwidth cap is given
        string? chargeType = null,
        object? tags = null)
    {
        var body = new Dictionary<string, object>
        {
            ["SourceVpcId"] = source,
            ["DestinationVpcId"] = destination,
            ["DestinationUin"] = Demo.BetaUin,
            ["DestinationRegion"] = Demo.Shanghai,
        };
        Add(body, "PeeringConnectionName", name);
        Add(body, "Bandwidth", bandwidth);
        Add(body, "ChargeType", chargeType);
        Add(body, "Tags", tags);
        return body;
    }

    private static void Add(Dictionary<string, object> body, string name, object? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static object Nat(string destination) => new { DestinationCidrBlock = destination, GatewayType = "NAT", GatewayId = "nat-12345678" };

    private static object Routes(params object[] routes) => new { RouteTableId = Demo.AlphaPeeringTable, Routes = routes };

    private static object[] Filter(string name, string value) => [new { Name = name, Values = new[] { value } }];
}
