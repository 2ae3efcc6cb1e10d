using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings;
using PeeringFunctions.Web;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// Stands in for the Functions host's function keys on the portal routes: when Portal:FunctionKey is configured, a
/// request must carry it as the x-functions-key header or the code query parameter, as it would in Azure. Without it
/// the routes are open, like `func start`. Accept/reject never pass through here: consent is the receiver's approver
/// key, checked inside PeeringApi.
/// </summary>
internal sealed class FunctionKeyFilter(IOptionsMonitor<PortalOptions> portal) : IEndpointFilter
{
    public const string ConfigurationKey = "Portal:FunctionKey";
    public const string HeaderName = "x-functions-key";

    /// <summary>Endpoint metadata of the routes behind this filter.</summary>
    public static readonly object Required = new FunctionKeyRequired();
    public const string QueryName = "code";

    /// <summary>The name the Functions host gives a function's first key.</summary>
    public const string DefaultKeyName = "default";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = portal.CurrentValue.FunctionKey;
        if (string.IsNullOrEmpty(expected))
        {
            return await next(context);
        }

        var request = context.HttpContext.Request;
        var presented = request.Headers[HeaderName].ToString() is { Length: > 0 } header ? header : request.Query[QueryName].ToString();
        if (presented.Length == 0 || !SameKey(presented, expected))
        {
            return ApiResponse.Problem(StatusCodes.Status401Unauthorized, "Function key required.",
                $"Send the portal's key as the '{HeaderName}' header or the '{QueryName}' query parameter.");
        }

        // As the Functions host does: the request carries the name of the key that let it in (its one key, "default").
        context.HttpContext.User = CallerNames.FunctionKeyPrincipal(DefaultKeyName);
        return await next(context);
    }

    // Hash both so the comparison takes the same time whatever the lengths.
    private static bool SameKey(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

internal static class FunctionKeyRouteExtensions
{
    /// <summary>
    /// What AuthorizationLevel.Function is to the Functions host: the route needs the portal's key (when one is
    /// configured). Also marks the endpoint, so a test can compare the routes with functions.metadata.
    /// </summary>
    public static RouteHandlerBuilder RequireFunctionKey(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter<FunctionKeyFilter>().WithMetadata(FunctionKeyFilter.Required);
}

/// <summary>Marks an endpoint that needs the portal's key, as AuthorizationLevel.Function marks a trigger.</summary>
public sealed record FunctionKeyRequired;
