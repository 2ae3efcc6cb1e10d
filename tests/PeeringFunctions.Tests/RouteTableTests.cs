using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.LocalHost.Http;
using PeeringFunctions.Peerings;
using PeeringFunctions.Tests.Support;

namespace PeeringFunctions.Tests;

/// <summary>Both hosts serve one route table: the local host answers exactly where the Functions app does, the same way.</summary>
public sealed class RouteTableTests
{
    private sealed record Route(string Path, string Method, string AuthLevel);

    [Fact]
    public async Task The_local_host_serves_exactly_the_routes_methods_and_auth_levels_of_functions_metadata()
    {
        var functions = JsonNode.Parse(File.ReadAllText(AppPaths.InOutput("functions.metadata")))!.AsArray();
        var expected = functions
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] == "httpTrigger")
            .SelectMany(b => b!["methods"]!.AsArray().Select(m => new Route((string)b["route"]!, ((string)m!).ToUpperInvariant(), (string)b["authLevel"]!)))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();

        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().Build(),
        });
        var prefix = HttpRoutes.Prefix.TrimStart('/') + "/";
        var served = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Path: e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(e => e.Path != prefix + HttpRoutes.Health) // the local host's own health check
            .SelectMany(e => e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => new Route(
                e.Path.StartsWith(prefix, StringComparison.Ordinal) ? e.Path[prefix.Length..] : "(outside the prefix) " + e.Path,
                method,
                e.Endpoint.Metadata.GetMetadata<FunctionKeyRequired>() is null ? "Anonymous" : "Function")))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();

        Assert.Equal(42, expected.Count); // the HTTP functions FunctionMetadataTests lists
        Assert.Equal(expected, served);
    }
}
