using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>
/// The emulator's peering rules (spec §4.1–4.7, §8, §9) as the client sees them: a TencentCloudSDKException with the
/// exact code, Kind Api, a RequestId and IsTransient false; and the state the emulator ends up in.
/// </summary>
public sealed class PeeringRuleTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public PeeringRuleTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    private static AcceptVpcPeeringConnectionRequest Accept(string id) => new() { PeeringConnectionId = id };

    private static RejectVpcPeeringConnectionRequest Reject(string id) => new() { PeeringConnectionId = id };

    private static DeleteVpcPeeringConnectionRequest Delete(string id) => new() { PeeringConnectionId = id };

    [Fact]
    public async Task Accepting_as_the_initiator_is_VpcPeerPurviewError_and_the_request_stays_pending()
    {
        var id = await _f.RequestAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerPurviewError, () => _f.Alpha().AcceptVpcPeeringConnection(Accept(id)));

        Assert.Equal("PENDING", _f.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task Rejecting_as_the_initiator_is_VpcPeerPurviewError()
    {
        var id = await _f.RequestAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerPurviewError, () => _f.Alpha().RejectVpcPeeringConnection(Reject(id)));

        Assert.Equal("PENDING", _f.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task Accepting_twice_is_VpcPeerInvalidStateChange_and_the_peering_stays_active()
    {
        var id = await _f.ActiveAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange, () => _f.Beta().AcceptVpcPeeringConnection(Accept(id)));

        Assert.Equal("ACTIVE", _f.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task A_rejected_request_can_be_neither_accepted_nor_rejected_again()
    {
        var id = await _f.RequestAlphaToBetaAsync();
        await _f.Beta().RejectVpcPeeringConnection(Reject(id));

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange, () => _f.Beta().AcceptVpcPeeringConnection(Accept(id)));
        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange, () => _f.Beta().RejectVpcPeeringConnection(Reject(id)));

        Assert.Equal("REJECTED", _f.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task An_unanswered_request_expires_after_seven_days_on_the_emulator_clock_and_can_no_longer_be_accepted()
    {
        var id = await _f.RequestAlphaToBetaAsync();

        _f.Server.AdvanceClock(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(PeeringConnectionStates.Pending, (await _f.Beta().DescribeOneAsync(id)).State);

        _f.Server.AdvanceClock(TimeSpan.FromMinutes(2));
        Assert.Equal("EXPIRED", _f.Server.Snapshot().Peering(id)!.State);
        Assert.Equal(PeeringConnectionStates.Expired, (await _f.Alpha().DescribeOneAsync(id)).State);
        Assert.Equal(PeeringConnectionStates.Expired, (await _f.Beta().DescribeOneAsync(id)).State);

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerInvalidStateChange, () => _f.Beta().AcceptVpcPeeringConnection(Accept(id)));
    }

    [Fact]
    public async Task Deleting_by_the_initiator_marks_it_deleted_and_deleting_again_is_ResourceNotFound()
    {
        var id = await _f.RequestAlphaToBetaAsync();
        await _f.Alpha().DeleteVpcPeeringConnection(Delete(id));
        Assert.Equal("DELETED", _f.Server.Snapshot().Peering(id)!.State);

        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Alpha().DeleteVpcPeeringConnection(Delete(id)));
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Beta().DeleteVpcPeeringConnection(Delete(id)));
    }

    [Fact]
    public async Task Deleting_by_the_receiver_marks_it_deleted_and_the_initiator_then_gets_ResourceNotFound()
    {
        var id = await _f.ActiveAlphaToBetaAsync();
        await _f.Beta().DeleteVpcPeeringConnection(Delete(id));

        Assert.Equal("DELETED", _f.Server.Snapshot().Peering(id)!.State);
        Assert.Equal(PeeringConnectionStates.Deleted, (await _f.Alpha().DescribeOneAsync(id)).State);
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Alpha().DeleteVpcPeeringConnection(Delete(id)));
    }

    [Fact]
    public async Task A_second_peering_of_the_same_pair_is_VpcPeerAlreadyExist_in_either_direction()
    {
        await _f.RequestAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerAlreadyExist,
            () => _f.Alpha().CreateVpcPeeringConnection(Scenario.AlphaToBeta("again")));
        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerAlreadyExist,
            () => _f.Beta().CreateVpcPeeringConnection(Scenario.Request(World.BetaVpc, World.AlphaVpc, World.Alpha, World.Guangzhou, "reverse")));

        Assert.Single(_f.Server.Snapshot().Peerings);
    }

    [Fact]
    public async Task Peering_with_a_vpc_that_overlaps_the_primary_cidr_is_VpcPeerCidrConflict()
    {
        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerCidrConflict,
            () => _f.Alpha().CreateVpcPeeringConnection(Scenario.Request(World.AlphaVpc, World.BetaOverlappingVpc, World.Beta, World.Shanghai, "overlap")));

        Assert.Empty(_f.Server.Snapshot().Peerings);
    }

    [Fact]
    public async Task Peering_with_a_vpc_that_overlaps_only_the_assistant_cidr_is_VpcPeerCidrConflict()
    {
        var alphaVpc = _f.Server.Snapshot().Vpcs.Single(v => v.VpcId == World.AlphaVpc);
        Assert.Contains(World.AlphaAssistantCidr, alphaVpc.AssistantCidrs);

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcPeerCidrConflict,
            () => _f.Alpha().CreateVpcPeeringConnection(Scenario.Request(World.AlphaVpc, World.BetaAssistantClashVpc, World.Beta, World.Shanghai, "assistant-overlap")));
    }

    [Fact]
    public async Task Peering_with_a_vpc_that_overlaps_an_existing_peer_is_UnauthorizedOperation_VpcPeerCidrConflict()
    {
        await _f.ActiveAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.UnauthorizedOperationVpcPeerCidrConflict,
            () => _f.Alpha().CreateVpcPeeringConnection(Scenario.Request(World.AlphaVpc, World.BetaPeerClashVpc, World.Beta, World.Shanghai, "peer-overlap")));

        Assert.Single(_f.Server.Snapshot().Peerings);
    }

    [Fact]
    public async Task Peering_with_another_accounts_vpc_as_the_source_is_ResourceNotFound()
    {
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound,
            () => _f.Alpha().CreateVpcPeeringConnection(Scenario.Request(World.BetaGuangzhouVpc, World.GammaVpc, World.Gamma, World.Guangzhou, "not-mine")));
    }

    [Fact]
    public async Task A_destination_vpc_that_the_named_uin_does_not_own_is_ResourceNotFound()
    {
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound,
            () => _f.Alpha().CreateVpcPeeringConnection(Scenario.Request(World.AlphaVpc, World.BetaVpc, World.Gamma, World.Shanghai, "wrong-uin")));
    }

    [Fact]
    public async Task The_receiver_cannot_see_the_request_from_another_region_and_gets_ResourceNotFound()
    {
        var id = await _f.RequestAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Beta(World.Guangzhou).AcceptVpcPeeringConnection(Accept(id)));
        Assert.Equal("PENDING", _f.Server.Snapshot().Peering(id)!.State);
    }

    [Theory]
    [InlineData("pcx-UPPER123")]
    [InlineData("pcx-short")]
    [InlineData("vpc-alpha001")]
    public async Task A_malformed_peering_id_is_InvalidParameterValue_Malformed(string badId)
    {
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => _f.Beta().AcceptVpcPeeringConnection(Accept(badId)));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => _f.Beta().RejectVpcPeeringConnection(Reject(badId)));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => _f.Alpha().DeleteVpcPeeringConnection(Delete(badId)));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed,
            () => _f.Alpha().DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = [badId] }));
    }

    [Fact]
    public async Task A_well_formed_but_unknown_peering_id_is_ResourceNotFound()
    {
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Beta().AcceptVpcPeeringConnection(Accept("pcx-zzzzzzzz")));
    }

    [Fact]
    public async Task A_malformed_source_vpc_id_is_InvalidParameterValue_Malformed()
    {
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed,
            () => _f.Alpha().CreateVpcPeeringConnection(Scenario.Request("vpc-NOT_OK", World.BetaVpc, World.Beta, World.Shanghai, "bad")));
    }

    [Fact]
    public async Task Ids_and_filters_together_are_InvalidParameter_Coexist()
    {
        await Expect.ApiError(TencentErrorCodes.InvalidParameterCoexist, () => _f.Alpha().DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            PeeringConnectionIds = ["pcx-zzzzzzzz"],
            Filters = [new Filter { Name = "state", Values = ["ACTIVE"] }],
        }));
    }
}
