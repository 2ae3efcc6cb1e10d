using System.Net;
using System.Text;

namespace PeeringFunctions.TencentCloud.Tests.Support;

/// <summary>What the client put on the wire, copied before the request is disposed.</summary>
internal sealed record CapturedRequest(
    HttpMethod Method,
    Uri? RequestUri,
    string? Host,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An in-test HTTP endpoint: records each request and answers with a scripted response.</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    private readonly Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<CapturedRequest> _requests = [];
    private readonly Lock _gate = new();

    public CapturingHandler(Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public CapturedRequest Single => Assert.Single(Requests);

    public static CapturingHandler RespondingJson(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new((_, _) => Task.FromResult(Json(json, status)));

    public static CapturingHandler Throwing(Exception exception) => new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        byte[] body = [];
        string? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            contentType = request.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;
        }

        var captured = new CapturedRequest(request.Method, request.RequestUri, request.Headers.Host, headers, contentType, body);
        lock (_gate)
        {
            _requests.Add(captured);
        }

        return await _respond(captured, cancellationToken);
    }
}
