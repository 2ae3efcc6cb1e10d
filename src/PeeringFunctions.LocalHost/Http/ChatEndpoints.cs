using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.ChatOps.Teams;
using PeeringFunctions.ChatOps.WeCom;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// The chat webhooks, on the same routes as the Functions app. No function key: each platform's signature is
/// verified inside its webhook handler, on the raw bytes, before anything is parsed.
/// </summary>
internal static class ChatEndpoints
{
    /// <param name="api">The /api group.</param>
    public static void MapChatWebhooks(this IEndpointRouteBuilder api)
    {
        api.MapPost(HttpRoutes.SlackCommands, (SlackWebhook slack, DurableTaskClient client, HttpRequest request) =>
            slack.HandleCommandAsync(client, request));
        api.MapPost(HttpRoutes.SlackInteractions, (SlackWebhook slack, DurableTaskClient client, HttpRequest request) =>
            slack.HandleInteractionAsync(client, request));
        api.MapMethods(HttpRoutes.WeCom, [HttpMethods.Get, HttpMethods.Post], (WeComWebhook wecom, DurableTaskClient client, HttpRequest request) =>
            wecom.HandleAsync(client, request));
        api.MapPost(HttpRoutes.Teams, (TeamsWebhook teams, DurableTaskClient client, HttpRequest request) =>
            teams.HandleAsync(client, request));
    }
}
