using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>Admin requests with the X-Api-Key header against a test API host, and following a run until it ends.</summary>
public sealed class AdminClient(HttpClient client, string key)
{
    private static readonly string[] Ended = ["succeeded", "partial", "failed", "cancelled", "interrupted"];

    public HttpClient Http => client;

    /// <summary>Every admin route of the host's routing table with its HTTP methods, route values filled in.</summary>
    public static IReadOnlyList<(HttpMethod Method, string Path)> Routes(ApiFactory api) => api.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("admin", StringComparison.Ordinal))
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
            (new HttpMethod(m), "/" + Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), "{[^}]+}", "1"))))
        .Distinct()
        .ToList();

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>GETs the run until <paramref name="until"/> holds (by default: it has ended), at most 30 s.</summary>
    public async Task<JsonElement> WaitForRunAsync(long id, Func<JsonElement, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await JsonAsync(await SendAsync(HttpMethod.Get, $"/admin/ingestion/runs/{id}"));
            if ((until ?? (r => Ended.Contains(r.GetProperty("status").GetString())))(run) || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(50);
        }
    }
}
