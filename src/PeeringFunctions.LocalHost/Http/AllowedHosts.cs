using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Web;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// Against DNS rebinding: a page on another site whose name is made to resolve to 127.0.0.1 reaches this host with
/// its own name in the Host header. So the host serves only loopback names (any port) unless AllowedHosts — ASP.NET
/// Core's host filtering setting, ';'-separated, "*" for any — names more. Any other Host gets 400 problem+json.
/// </summary>
internal static class AllowedHosts
{
    public const string ConfigurationKey = "AllowedHosts";

    public const string LoopbackNames = "localhost;127.0.0.1;[::1]";

    private static readonly object Admitted = new();

    /// <summary>
    /// The web host already runs ASP.NET Core's host filtering first in its pipeline (a startup filter reading
    /// AllowedHosts); this gives it the loopback default and turns its bare 400 into problem+json.
    /// </summary>
    public static IServiceCollection AddAllowedHosts(this IServiceCollection services, IConfiguration configuration)
    {
        var hosts = (configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : LoopbackNames)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.Configure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = hosts;
            options.IncludeFailureMessage = false;
        });

        // Startup filters wrap in registration order: the first is outermost. The answer goes around the host filter,
        // the mark within it, so a 400 without the mark is the filter's refusal.
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new RefusalAsProblem(hosts)));
        services.AddTransient<IStartupFilter, AdmittedMark>();
        return services;
    }

    private sealed class RefusalAsProblem(string[] hosts) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                await nextMiddleware(context);
                if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted && !context.Items.ContainsKey(Admitted))
                {
                    var host = context.Request.Host.Value ?? "";
                    await ApiResponse.Problem(StatusCodes.Status400BadRequest, "This host name is not served.",
                        $"The Host header '{(host.Length > 100 ? host[..100] : host)}' is not a name this host answers to: " +
                        $"{string.Join(", ", hosts)} (any port). The {ConfigurationKey} setting lists them.")
                        .ExecuteAsync(context);
                }
            });
            next(app);
        };
    }

    private sealed class AdmittedMark : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Items[Admitted] = true;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
