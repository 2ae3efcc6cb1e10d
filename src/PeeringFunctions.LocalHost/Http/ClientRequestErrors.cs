using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Web;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// A request Kestrel gives up on while a handler reads its body — arriving slower than MinRequestBodyDataRate (408),
/// malformed chunks (400), over Kestrel's own size limit (413) — surfaces in the handler as BadHttpRequestException.
/// That is the client's doing, not a fault of ours: it is answered with its status as problem+json and logged as one
/// line, where Kestrel would log it as an unhandled exception of the application.
/// </summary>
internal static class ClientRequestErrors
{
    public static IApplicationBuilder UseClientRequestErrors(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRequestErrors).FullName!);
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException error) when (!context.Response.HasStarted)
            {
                logger.LogInformation("{Method} {Path} ended {Status}: {Reason}", context.Request.Method, context.Request.Path, error.StatusCode, error.Message);
                context.Response.Headers.Connection = "close";
                await ApiResponse.Problem(error.StatusCode, Title(error.StatusCode), "The request was not read to its end; nothing was started or changed.")
                    .ExecuteAsync(context);
            }
        });
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        StatusCodes.Status413PayloadTooLarge => "The body is too large.",
        _ => "The request could not be read.",
    };
}
