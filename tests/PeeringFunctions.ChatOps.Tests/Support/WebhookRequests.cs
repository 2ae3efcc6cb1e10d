using System.Text;
using Microsoft.AspNetCore.Http;
using PeeringFunctions.ChatOps.Http;

namespace PeeringFunctions.ChatOps.Tests.Support;

/// <summary>Raw HTTP requests as the platforms send them, on a DefaultHttpContext.</summary>
internal static class WebhookRequests
{
    public static HttpRequest Post(byte[] body, string contentType, IDictionary<string, string>? headers = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Body = new MemoryStream(body);
        request.ContentLength = body.Length;
        request.ContentType = contentType;
        request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return request;
    }

    public static HttpRequest Get(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Writes the response the way a host would and reads back what went over the wire.</summary>
    public static async Task<(int Status, string? ContentType, string Body)> SendAsync(ChatWebhookResponse response, HttpRequest request)
    {
        var context = request.HttpContext;
        await response.ExecuteAsync(context);
        var body = (MemoryStream)context.Response.Body;
        return (context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    public static string Query(params (string Name, string Value)[] pairs) =>
        "?" + string.Join("&", pairs.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    public static string Form(params (string Name, string Value)[] pairs) =>
        string.Join("&", pairs.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
}
