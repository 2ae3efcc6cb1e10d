using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Web;

namespace PeeringFunctions.Portal.Html;

/// <summary>
/// One answer of the pages: HTML, the live-refresh JSON or a redirect. Like <see cref="ApiResponse"/> it is both a
/// minimal-API <see cref="IResult"/> (local host) and an MVC <see cref="IActionResult"/> (Functions), so both hosts
/// send the same bytes and the same security headers: nothing cached, no referrer to other sites (a link's token
/// never leaks), no framing, and a CSP that allows only the page's own inline style and script by hash.
/// </summary>
public sealed record PortalResult(int StatusCode, string? Body, string ContentType, string? Location = null) : IResult, IActionResult
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static PortalResult Page(int statusCode, string html) => new(statusCode, html, HtmlContentType);

    public static PortalResult Json(object body) =>
        new(StatusCodes.Status200OK, JsonSerializer.Serialize(body, body.GetType(), ApiJson.Options), "application/json; charset=utf-8");

    /// <summary>An RFC 9457 problem, as the API writes them (the live endpoints' refusals).</summary>
    public static PortalResult Problem(int statusCode, string title, string detail) => new(
        statusCode,
        JsonSerializer.Serialize(new ProblemBody($"https://httpstatuses.io/{statusCode}", title, statusCode, detail, []), ApiJson.Options),
        ApiResponse.ProblemContentType);

    /// <summary>303: after a form post, the browser GETs the next page (a reload does not post again).</summary>
    public static PortalResult SeeOther(string location) => new(StatusCodes.Status303SeeOther, null, HtmlContentType, location);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["X-Frame-Options"] = "DENY";
        headers.ContentSecurityPolicy = Assets.ContentSecurityPolicy;
        if (Location is not null)
        {
            headers.Location = Location;
        }

        if (Body is not null)
        {
            response.ContentType = ContentType;
            var bytes = Encoding.UTF8.GetBytes(Body);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}
