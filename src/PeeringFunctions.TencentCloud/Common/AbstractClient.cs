using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PeeringFunctions.TencentCloud.Common.Json;
using PeeringFunctions.TencentCloud.Common.Profile;

namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// The transport every Tencent Cloud API 3.0 client shares, as the official SDK's AbstractClient: where to send,
/// TC3 signing, sending with a timeout, and turning the answer into a response model or a
/// <see cref="TencentCloudSDKException"/>. A per-service client (e.g. VpcClient) passes its service name and API
/// version and adds one method per action. Thread-safe: all settings are captured at construction and each call
/// builds its own request.
/// </summary>
public abstract class AbstractClient
{
    /// <summary>Lower-case and without charset: exactly the value that is sent and signed.</summary>
    internal const string JsonContentType = "application/json";

    // One pooled connection set for every client built without an HttpClient; recycling connections picks up DNS changes.
    private static readonly Lazy<HttpClient> SharedHttpClient = new(
        () => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _service;
    private readonly string _version;
    private readonly string _serviceLabel;
    private readonly Credential _credential;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger? _logger;
    private readonly Uri _requestUri;
    private readonly string _host;
    private readonly TimeSpan _timeout;
    private readonly string? _language;

    /// <param name="service">Credential-scope service name (e.g. <c>vpc</c>); fixed, never derived from the endpoint, so an emulator URL signs correctly.</param>
    /// <param name="version">API version sent as X-TC-Version (e.g. <c>2017-03-12</c>).</param>
    /// <param name="credential">Key pair (and optional STS token) of the account that owns the resources.</param>
    /// <param name="region">Long region name sent as X-TC-Region, e.g. <c>ap-guangzhou</c>.</param>
    /// <param name="profile">Endpoint, timeout and language; read once here, later changes are not seen.</param>
    /// <param name="httpClient">Optional (e.g. from IHttpClientFactory); a shared pooled client is used otherwise.</param>
    /// <param name="timeProvider">Source of X-TC-Timestamp and of the timeout clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Optional; logs action, region, RequestId, error code and elapsed time, never secrets.</param>
    protected AbstractClient(
        string service,
        string version,
        Credential credential,
        string region,
        ClientProfile? profile,
        HttpClient? httpClient,
        TimeProvider? timeProvider,
        ILogger? logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);

        profile ??= new ClientProfile();
        var httpProfile = profile.HttpProfile ?? new HttpProfile();
        if (httpProfile.Timeout <= TimeSpan.Zero && httpProfile.Timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("HttpProfile.Timeout must be positive or Timeout.InfiniteTimeSpan.", nameof(profile));
        }

        _service = service;
        _version = version;
        _serviceLabel = service.ToUpperInvariant();
        _credential = credential;
        Region = region;
        _httpClient = httpClient ?? SharedHttpClient.Value;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger;
        _timeout = httpProfile.Timeout;
        _language = string.IsNullOrWhiteSpace(profile.Language) ? null : profile.Language;
        (_requestUri, _host) = ResolveTarget(httpProfile);
    }

    /// <summary>The region every request is sent to (X-TC-Region).</summary>
    public string Region { get; }

    /// <summary>The URL requests are posted to (always path <c>/</c>).</summary>
    public Uri RequestUri => _requestUri;

    /// <summary>Sends one action: serializes <paramref name="request"/>, signs it, posts it and parses the answer.</summary>
    /// <exception cref="TencentCloudSDKException">Tencent answered with an error, or the call failed on the way.</exception>
    protected async Task<TResponse> CallAsync<TRequest, TResponse>(string action, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class, IResponseWithRequestId
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        // Serialize once: these exact bytes are hashed into the signature and sent.
        var body = TencentJson.SerializeToUtf8Bytes(request);
        using var message = BuildRequest(action, body);

        var started = _timeProvider.GetTimestamp();
        using var activity = TencentTelemetry.StartCall(_service, action, Region);
        try
        {
            var result = await SendAsync<TResponse>(action, message, started, cancellationToken).ConfigureAwait(false);
            TencentTelemetry.Succeeded(activity, _service, action, Region, result.RequestId, _timeProvider.GetElapsedTime(started));
            return result;
        }
        catch (TencentCloudSDKException error)
        {
            TencentTelemetry.Failed(activity, _service, action, Region, error, _timeProvider.GetElapsedTime(started));
            throw;
        }
    }

    private async Task<TResponse> SendAsync<TResponse>(string action, HttpRequestMessage message, long started, CancellationToken cancellationToken)
        where TResponse : class, IResponseWithRequestId
    {
        using var timeoutSource = _timeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(_timeout, _timeProvider);
        using var linkedSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);

        HttpStatusCode statusCode;
        string? reasonPhrase;
        byte[] responseBody;
        try
        {
            using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, linkedSource.Token).ConfigureAwait(false);
            statusCode = response.StatusCode;
            reasonPhrase = response.ReasonPhrase;
            responseBody = await response.Content.ReadAsByteArrayAsync(linkedSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{action} was cancelled by the caller.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            throw Fail(new TencentCloudSDKException(
                TencentErrorCodes.ClientNetworkError,
                $"No response within {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                kind: TencentErrorKind.Network,
                action: action,
                innerException: ex), started);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw Fail(new TencentCloudSDKException(
                TencentErrorCodes.ClientNetworkError,
                $"Network failure: {ex.Message}",
                kind: TencentErrorKind.Network,
                action: action,
                innerException: ex), started);
        }

        var result = ParseResponse<TResponse>(action, statusCode, reasonPhrase, responseBody, started);
        _logger?.LogDebug(
            "Tencent {Service} {Action} in {Region} succeeded in {ElapsedMs} ms (RequestId {RequestId})",
            _serviceLabel,
            action,
            Region,
            (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds,
            result.RequestId);
        return result;
    }

    private static (Uri RequestUri, string Host) ResolveTarget(HttpProfile httpProfile)
    {
        if (httpProfile.BaseUrl is { } baseUrl)
        {
            if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException("HttpProfile.BaseUrl must be an absolute http or https URL.", nameof(httpProfile));
            }

            // Authority keeps a non-default port, which is also what goes into the Host header.
            return (new Uri($"{baseUrl.Scheme}://{baseUrl.Authority}/"), baseUrl.Authority);
        }

        var endpoint = httpProfile.Endpoint;
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate($"https://{endpoint}/", UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
        {
            throw new ArgumentException($"HttpProfile.Endpoint '{endpoint}' is not a host name.", nameof(httpProfile));
        }

        return (uri, uri.Authority);
    }

    private HttpRequestMessage BuildRequest(string action, byte[] body)
    {
        // Read the credential once so a concurrent rotation cannot mix the id of one key with the secret of another.
        var secretId = _credential.SecretId;
        var secretKey = _credential.SecretKey;
        var token = _credential.Token;
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds();

        var signature = Tc3Signer.Sign("POST", "/", string.Empty, _host, JsonContentType, body, timestamp, _service, secretId, secretKey);

        var message = new HttpRequestMessage(HttpMethod.Post, _requestUri);
        message.Headers.Host = _host;
        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        message.Headers.TryAddWithoutValidation("X-TC-Action", action);
        message.Headers.TryAddWithoutValidation("X-TC-Version", _version);
        message.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.TryAddWithoutValidation("X-TC-Region", Region);
        if (!string.IsNullOrEmpty(token))
        {
            message.Headers.TryAddWithoutValidation("X-TC-Token", token);
        }

        if (_language is not null)
        {
            message.Headers.TryAddWithoutValidation("X-TC-Language", _language);
        }

        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);
        return message;
    }

    private TResponse ParseResponse<TResponse>(string action, HttpStatusCode statusCode, string? reasonPhrase, byte[] body, long started)
        where TResponse : class, IResponseWithRequestId
    {
        if (statusCode != HttpStatusCode.OK)
        {
            // Only the RequestId is taken from the body: a proxy page could echo anything.
            throw Fail(new TencentCloudSDKException(
                TencentErrorCodes.ClientHttpStatusCodeError,
                $"HTTP {(int)statusCode} {reasonPhrase}".TrimEnd(),
                TryReadRequestId(body),
                TencentErrorKind.Http,
                (int)statusCode,
                action), started);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Response", out var envelope)
                || envelope.ValueKind != JsonValueKind.Object)
            {
                throw Fail(ParseError(action, "The body has no Response object.", null, null), started);
            }

            var requestId = ReadString(envelope, "RequestId");
            if (envelope.TryGetProperty("Error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw Fail(new TencentCloudSDKException(
                    ReadString(error, "Code") ?? TencentErrorCodes.ClientUnknownError,
                    ReadString(error, "Message") ?? string.Empty,
                    requestId,
                    TencentErrorKind.Api,
                    (int)statusCode,
                    action), started);
            }

            return TencentJson.Deserialize<TResponse>(envelope)
                ?? throw Fail(ParseError(action, "The Response object is null.", requestId, null), started);
        }
        catch (JsonException ex)
        {
            throw Fail(ParseError(action, $"The body is not the expected JSON: {ex.Message}", TryReadRequestId(body), ex), started);
        }
    }

    private static TencentCloudSDKException ParseError(string action, string message, string? requestId, Exception? inner) =>
        new(TencentErrorCodes.ClientResponseParseError, message, requestId, TencentErrorKind.Http, (int)HttpStatusCode.OK, action, inner);

    private TencentCloudSDKException Fail(TencentCloudSDKException exception, long started)
    {
        if (_logger is not null)
        {
            var level = exception.Kind == TencentErrorKind.Api ? LogLevel.Information : LogLevel.Warning;
            _logger.Log(
                level,
                "Tencent {Service} {Action} in {Region} failed with {Code} ({Kind}, HTTP {HttpStatus}) in {ElapsedMs} ms (RequestId {RequestId})",
                _serviceLabel,
                exception.Action,
                Region,
                exception.Code,
                exception.Kind,
                exception.HttpStatusCode,
                (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds,
                exception.RequestId);
        }

        return exception;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? TryReadRequestId(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Response", out var envelope)
                && envelope.ValueKind == JsonValueKind.Object
                ? ReadString(envelope, "RequestId")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
