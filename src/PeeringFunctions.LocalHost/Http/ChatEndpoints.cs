using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.ChatOps.Teams;
using PeeringFunctions.ChatOps.WeCom;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// The chat webhooks, on the same routes as the Functions app. No function key: each platform's signature is
/// verified inside its webhook handler, on the raw bytes, before anything is parsed.
/// </summary>
internal static class ChatEndpoints
{
    public static void MapChatWebhooks(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/chat");
        chat.MapPost("/slack/commands", (SlackWebhook slack, DurableTaskClient client, HttpRequest request) =>
            slack.HandleCommandAsync(client, request));
        chat.MapPost("/slack/interactions", (SlackWebhook slack, DurableTaskClient client, HttpRequest request) =>
            slack.HandleInteractionAsync(client, request));
        chat.MapMethods("/wecom", [HttpMethods.Get, HttpMethods.Post], (WeComWebhook wecom, DurableTaskClient client, HttpRequest request) =>
            wecom.HandleAsync(client, request));
        chat.MapPost("/teams", (TeamsWebhook teams, DurableTaskClient client, HttpRequest request) =>
            teams.HandleAsync(client, request));
    }
}
