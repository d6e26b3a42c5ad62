using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) standing in for every provider: each request takes the next
/// scripted response for its path (recorded payloads from ../shared/fixtures/providers, or injected faults) and is
/// remembered with its query string.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripts = new();

    private ReplayServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<(DateTimeOffset At, string PathAndQuery)> Requests { get; } = new();

    public static async Task<ReplayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ReplayServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public static string Fixture(string relativePath) => Path.Combine(RepositoryPaths.ProviderFixtures, relativePath);

    /// <summary>Queues responses for requests whose path starts with <paramref name="pathPrefix"/>, in order.</summary>
    public ReplayServer On(string pathPrefix, params Func<HttpContext, Task>[] responses)
    {
        var queue = _scripts.GetOrAdd(pathPrefix, _ => new ConcurrentQueue<Func<HttpContext, Task>>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }

        return this;
    }

    public static Func<HttpContext, Task> File(string fixture, int status = 200, string contentType = "application/json") =>
        Body(System.IO.File.ReadAllBytes(Fixture(fixture)), status, contentType);

    public static Func<HttpContext, Task> Text(string body, int status = 200, string contentType = "text/plain", string? retryAfter = null) =>
        Body(Encoding.UTF8.GetBytes(body), status, contentType, retryAfter);

    public static Func<HttpContext, Task> Body(byte[] body, int status = 200, string contentType = "application/json", string? retryAfter = null) =>
        async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        };

    /// <summary>Answers only after <paramref name="delay"/> (or never, when the client gives up first).</summary>
    public static Func<HttpContext, Task> Hang(TimeSpan delay) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    };

    /// <summary>Drops the TCP connection without an answer.</summary>
    public static Func<HttpContext, Task> Reset() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Announces the whole body but sends half of it, then drops the connection.</summary>
    public static Func<HttpContext, Task> Truncated(string fixture) => async context =>
    {
        var body = System.IO.File.ReadAllBytes(Fixture(fixture));
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
        await context.Response.Body.FlushAsync();
        context.Abort();
    };

    public int CountRequests(string pathPrefix) => Requests.Count(r => r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    private async Task HandleAsync(HttpContext context)
    {
        var pathAndQuery = context.Request.Path + context.Request.QueryString.ToString();
        Requests.Enqueue((DateTimeOffset.UtcNow, pathAndQuery));
        var script = _scripts.Where(s => pathAndQuery.StartsWith(s.Key, StringComparison.Ordinal)).OrderByDescending(s => s.Key.Length).Select(s => s.Value).FirstOrDefault();
        if (script is not null && script.TryDequeue(out var respond))
        {
            await respond(context);
            return;
        }

        context.Response.StatusCode = 599; // unscripted request: fails loudly in the assertions
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
