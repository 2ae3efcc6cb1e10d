using System.Net;
using System.Net.Sockets;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Client;

public sealed class VpcClientErrorTests
{
    private const string NotFoundReply = """
        {"Response":{"Error":{"Code":"ResourceNotFound","Message":"The peering connection pcx-abcdefgh does not exist."},"RequestId":"0b1c7c3c-1111-4c55-9a2e-000000000001"}}
        """;

    [Fact]
    public async Task Error_in_a_200_response_becomes_an_Api_exception_with_code_message_and_request_id()
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson(NotFoundReply));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() =>
            client.DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-abcdefgh" }));

        Assert.Equal(TencentErrorKind.Api, ex.Kind);
        Assert.Equal(TencentErrorCodes.ResourceNotFound, ex.Code);
        Assert.Equal("The peering connection pcx-abcdefgh does not exist.", ex.ErrorMessage);
        Assert.Contains("The peering connection pcx-abcdefgh does not exist.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("0b1c7c3c-1111-4c55-9a2e-000000000001", ex.RequestId);
        Assert.Equal("DeleteVpcPeeringConnection", ex.Action);
        Assert.Equal(200, ex.HttpStatusCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task Throttling_error_is_an_Api_exception_marked_transient()
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson(
            """{"Response":{"Error":{"Code":"RequestLimitExceeded.UinLimitExceeded","Message":"Too many requests."},"RequestId":"r-2"}}"""));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorKind.Api, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task InternalError_is_transient_and_leaves_a_write_in_an_unknown_state_to_read_back()
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson(
            """{"Response":{"Error":{"Code":"InternalError","Message":"Internal error."},"RequestId":"r-3"}}"""));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.CreateRoutes(new CreateRoutesRequest()));

        Assert.Equal(TencentErrorKind.Api, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Status_503_becomes_a_transient_Http_exception()
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson("<html>busy</html>", HttpStatusCode.ServiceUnavailable));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorKind.Http, ex.Kind);
        Assert.Equal(503, ex.HttpStatusCode);
        Assert.Equal(TencentErrorCodes.ClientHttpStatusCodeError, ex.Code);
        Assert.Equal("DescribeVpcs", ex.Action);
        Assert.True(ex.IsTransient);
        Assert.DoesNotContain("busy", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "<html>400 Bad Request</html>")]
    [InlineData(413, "<html>413 Request Entity Too Large</html>")]
    [InlineData(431, "")]
    [InlineData(414, "<html>414 Request-URI Too Large</html>")]
    [InlineData(403, "{\"message\":\"forbidden\"}")]
    public async Task A_4xx_from_tencents_front_door_that_is_not_a_tencent_error_is_permanent_and_never_retried(int status, string body)
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson(body, (HttpStatusCode)status));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.CreateRoutes(new CreateRoutesRequest()));

        Assert.Equal(TencentErrorKind.Http, ex.Kind);
        Assert.Equal(status, ex.HttpStatusCode);
        Assert.Equal(TencentErrorCodes.ClientHttpStatusCodeError, ex.Code);
        Assert.False(ex.IsTransient, $"HTTP {status} must not be retried: the same request gets the same answer");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Throttling_timeouts_and_5xx_from_the_front_door_stay_transient(int status)
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson("<html>try later</html>", (HttpStatusCode)status));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorKind.Http, ex.Kind);
        Assert.Equal(status, ex.HttpStatusCode);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task HttpRequestException_from_the_handler_becomes_a_transient_Network_exception()
    {
        var failure = new HttpRequestException("Connection refused (127.0.0.1:8930)", new SocketException((int)SocketError.ConnectionRefused));
        var client = ClientFactory.Create(CapturingHandler.Throwing(failure));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorKind.Network, ex.Kind);
        Assert.Equal(TencentErrorCodes.ClientNetworkError, ex.Code);
        Assert.Null(ex.HttpStatusCode);
        Assert.True(ex.IsTransient);
        Assert.Same(failure, ex.InnerException);
    }

    [Fact]
    public async Task IOException_from_the_handler_becomes_a_Network_exception()
    {
        var client = ClientFactory.Create(CapturingHandler.Throwing(new IOException("Connection reset by peer")));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorKind.Network, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Timeout_becomes_a_transient_Network_exception()
    {
        var handler = new CapturingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return CapturingHandler.Json(ClientFactory.EmptySuccess);
        });
        var profile = new ClientProfile { HttpProfile = new HttpProfile { Timeout = TimeSpan.FromMilliseconds(50) } };
        var client = ClientFactory.Create(handler, profile: profile);

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorKind.Network, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
    }

    [Fact]
    public async Task Caller_cancellation_propagates_as_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new CapturingHandler(async (_, token) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return CapturingHandler.Json(ClientFactory.EmptySuccess);
        });
        var client = ClientFactory.Create(handler);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DescribeVpcs(new DescribeVpcsRequest(), cancellation.Token));

        Assert.Equal(cancellation.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ClientFactory.Create(handler).DescribeVpcs(new DescribeVpcsRequest(), new CancellationToken(canceled: true)));

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"NoResponse":{}}""")]
    [InlineData("""{"Response":{"TotalCount":{"nested":"object"}}}""")]
    public async Task Unreadable_200_body_becomes_a_parse_error(string body)
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson(body));

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorCodes.ClientResponseParseError, ex.Code);
        Assert.Equal(TencentErrorKind.Http, ex.Kind);
    }

    [Fact]
    public async Task Null_error_object_counts_as_success()
    {
        var client = ClientFactory.Create(CapturingHandler.RespondingJson("""{"Response":{"Error":null,"TotalCount":0,"VpcSet":[],"RequestId":"r-5"}}"""));

        var response = await client.DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal("r-5", response.RequestId);
        Assert.Equal(0UL, response.TotalCount);
    }
}
