using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.ChatOps.Tests.Support;

public sealed record RecordedPost(string Path, string Query, string? ContentType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>
/// A stand-in for Slack, WeCom and Teams on 127.0.0.1 (Kestrel, random port) that records every POST. The path
/// picks its behaviour: /fail/… answers 500, /hang/… never answers (until the client gives up), /wecom-error/… answers
/// 200 with a non-zero errcode, anything else 200 like the real services.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedPost> posts = new();
    private readonly CancellationTokenSource stopping = new();

    private FakeChatServer(WebApplication app) => this.app = app;

    public IReadOnlyList<RecordedPost> Posts => posts.ToArray();

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public async Task<IReadOnlyList<RecordedPost>> WaitForPostsAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (posts.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return Posts;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "";
        posts.Enqueue(new RecordedPost(path, context.Request.QueryString.Value ?? "", context.Request.ContentType, body));

        if (path.StartsWith("/fail/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        if (path.StartsWith("/hang/", StringComparison.Ordinal))
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), either.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        if (path.StartsWith("/wecom-error/", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { errcode = 93000, errmsg = "invalid webhook url" });
            return;
        }

        if (path.StartsWith("/wecom/", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { errcode = 0, errmsg = "ok" });
            return;
        }

        if (path.StartsWith("/teams/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        await context.Response.WriteAsync("ok");
    }
}
