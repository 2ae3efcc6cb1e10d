using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.ChatOps.WeCom;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Chat;

/// <summary>
/// The WeCom self-built app's callback URL: GET /api/chat/wecom answers WeCom's URL verification (echostr), POST
/// receives encrypted messages and template-card clicks. Two functions, one route, one handler.
/// </summary>
public sealed class WeComCallback(WeComWebhook wecom)
{
    // Anonymous: verified by msg_signature and decrypted with the EncodingAESKey inside WeComWebhook.
    [Function("WeComVerifyUrl")]
    public async Task<IActionResult> VerifyUrlAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.WeCom)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await wecom.HandleAsync(client, req);

    [Function(nameof(WeComCallback))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.WeCom)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await wecom.HandleAsync(client, req);
}
