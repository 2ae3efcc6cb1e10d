using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PeeringFunctions.Peerings.Requests;

namespace PeeringFunctions.Web;

/// <summary>
/// One answer of the HTTP API. It is both a minimal-API <see cref="IResult"/> (local host) and an MVC
/// <see cref="IActionResult"/> (Functions with ASP.NET Core integration), so both hosts send the same bytes.
/// </summary>
public sealed record ApiResponse(int StatusCode, object? Body, string? Location = null, string ContentType = "application/json")
    : IResult, IActionResult
{
    public const string ProblemContentType = "application/problem+json";

    public static ApiResponse Accepted(object body, string location) => new(StatusCodes.Status202Accepted, body, location);

    public static ApiResponse Created(object body, string location) => new(StatusCodes.Status201Created, body, location);

    public static ApiResponse Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResponse Problem(int status, string title, string detail, IReadOnlyList<FieldProblem>? errors = null) =>
        new(status, new ProblemBody($"https://httpstatuses.io/{status}", title, status, detail, errors ?? []), ContentType: ProblemContentType);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Body is not null)
        {
            response.ContentType = ContentType;
            await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), ApiJson.Options, httpContext.RequestAborted);
        }
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}

/// <summary>RFC 9457 problem details, with the offending fields and the rule each broke.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, IReadOnlyList<FieldProblem> Errors);
