using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Http;

/// <summary>
/// What a chat webhook answers: the exact text the platform expects (JSON for Slack and Teams, text/plain or
/// encrypted XML for WeCom). Like the API's ApiResponse it is both an <see cref="IResult"/> (local host) and an
/// <see cref="IActionResult"/> (Functions with ASP.NET Core integration), so both hosts send the same bytes.
/// </summary>
public sealed record ChatWebhookResponse(int StatusCode, string? Content = null, string ContentType = ChatWebhookResponse.PlainText)
    : IResult, IActionResult
{
    public const string PlainText = "text/plain; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    public static ChatWebhookResponse Text(string text) => new(StatusCodes.Status200OK, text);

    public static ChatWebhookResponse JsonBody(JsonNode body) => new(StatusCodes.Status200OK, body.ToJsonString(JsonOptions), Json);

    public static ChatWebhookResponse XmlBody(string xml) => new(StatusCodes.Status200OK, xml, Xml);

    /// <summary>200 with no body: "got it, nothing to say".</summary>
    public static ChatWebhookResponse Empty() => new(StatusCodes.Status200OK);

    public static ChatWebhookResponse BadRequest(string why) => new(StatusCodes.Status400BadRequest, why);

    /// <summary>How a refused request is answered; the reason is generic and never hints at the secret.</summary>
    public static ChatWebhookResponse Refused(VerificationFailure failure) => failure switch
    {
        VerificationFailure.NotConfigured => new(StatusCodes.Status404NotFound, "This chat integration is not configured."),
        VerificationFailure.Malformed => new(StatusCodes.Status400BadRequest, "The request could not be read."),
        VerificationFailure.Expired => new(StatusCodes.Status401Unauthorized, "The request is too old or from the future."),
        VerificationFailure.Replayed => new(StatusCodes.Status401Unauthorized, "This request was already received."),
        _ => new(StatusCodes.Status401Unauthorized, "The request signature is not valid."),
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (Content is not null)
        {
            response.ContentType = ContentType;
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(Content), httpContext.RequestAborted);
        }
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
