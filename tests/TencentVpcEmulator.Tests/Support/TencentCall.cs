using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TencentVpcEmulator.Tests.Support;

/// <summary>One signed API 3.0 request; every knob a test may want to break is a property.</summary>
internal sealed record TencentCall
{
    public required ApiKey Key { get; init; }

    public required string? Action { get; init; }

    public string Region { get; init; } = Demo.Guangzhou;

    public string Body { get; init; } = "{}";

    public string? Version { get; init; } = "2017-03-12";

    /// <summary>Defaults to now on the emulator clock.</summary>
    public long? Timestamp { get; init; }

    public string ContentType { get; init; } = "application/json";

    /// <summary>Host header sent on the wire; null = HttpClient's default (127.0.0.1:port).</summary>
    public string? HostHeader { get; init; }

    /// <summary>Host value put into the signature; null = the Host sent.</summary>
    public string? HostToSign { get; init; }

    /// <summary>Add x-tc-action to SignedHeaders (official vector B style).</summary>
    public bool SignActionHeader { get; init; }

    public string Service { get; init; } = "vpc";

    /// <summary>Credential-scope date; null = the timestamp's UTC date.</summary>
    public string? ScopeDate { get; init; }

    /// <summary>Signed body, when it should differ from the body sent.</summary>
    public string? BodyToSign { get; init; }

    /// <summary>Use this Authorization header verbatim (or omit it when empty).</summary>
    public string? AuthorizationOverride { get; init; }

    public string? Token { get; init; }

    public HttpMethod Method { get; init; } = HttpMethod.Post;

    public HttpRequestMessage Build(Uri baseUrl, DateTimeOffset now)
    {
        var timestamp = Timestamp ?? now.ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes(Body);
        var request = new HttpRequestMessage(Method, baseUrl);
        if (Method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        if (HostHeader is not null)
        {
            request.Headers.Host = HostHeader;
        }

        var sentHost = HostHeader ?? baseUrl.Authority;
        var signed = new List<(string, string)> { ("content-type", ContentType), ("host", HostToSign ?? sentHost) };
        if (SignActionHeader)
        {
            signed.Add(("x-tc-action", Action ?? ""));
        }

        var authorization = AuthorizationOverride ?? TestSigner.Authorization(
            Key.SecretId,
            Key.SecretKey,
            Service,
            timestamp,
            ScopeDate ?? TestSigner.UtcDate(timestamp),
            signed,
            BodyToSign is null ? body : Encoding.UTF8.GetBytes(BodyToSign));
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        AddIfPresent(request.Headers, "X-TC-Action", Action);
        AddIfPresent(request.Headers, "X-TC-Version", Version);
        AddIfPresent(request.Headers, "X-TC-Region", Region);
        AddIfPresent(request.Headers, "X-TC-Token", Token);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    private static void AddIfPresent(HttpRequestHeaders headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }

    public static string Json(object body) => JsonSerializer.Serialize(body);
}
