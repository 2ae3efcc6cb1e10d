using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.ChatOps.Http;

public enum ChatChannelKind
{
    SlackWebhook,
    SlackResponseUrl,
    WeComRobot,
    TeamsWorkflow,
}

/// <summary>
/// Posts JSON to a chat endpoint through the "chatops" HttpClient (timeouts and retries from
/// ChatOps:Notifications). Never throws and never logs the URL: webhook URLs carry keys. Returns whether it was taken.
/// </summary>
public sealed class ChatPoster(IHttpClientFactory clients, ILogger<ChatPoster> logger)
{
    public const string ClientName = "chatops";

    public async Task<bool> PostAsync(ChatChannelKind kind, string who, Uri url, JsonNode body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await clients.CreateClient(ClientName).PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("{Channel} for {Who} answered HTTP {Status}; the message was not delivered", kind, who, (int)response.StatusCode);
                return false;
            }

            if (kind == ChatChannelKind.WeComRobot && await WeComErrorAsync(response, cancellationToken) is { } errcode)
            {
                logger.LogWarning("{Channel} for {Who} refused the message with errcode {ErrCode}", kind, who, errcode);
                return false;
            }

            logger.LogInformation("Posted to {Channel} for {Who}", kind, who);
            return true;
        }
        catch (Exception error)
        {
            // Only the exception's type (and the socket error, if any): messages can carry addresses.
            var detail = error is HttpRequestException { HttpRequestError: var requestError } ? $"{error.GetType().Name} ({requestError})" : error.GetType().Name;
            logger.LogWarning("{Channel} for {Who} could not be reached: {Error}; the message was not delivered", kind, who, detail);
            return false;
        }
    }

    /// <summary>An absolute https URL, or http to a loopback address (local hosts and tests); anything else is refused.</summary>
    public static Uri? Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)) ? uri : null;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static async Task<int?> WeComErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value) && value != 0 ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
