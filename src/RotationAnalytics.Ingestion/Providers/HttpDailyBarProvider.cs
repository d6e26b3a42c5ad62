using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// What every HTTP provider shares: the named client (whose resilience pipeline retries, limits and breaks per
/// provider), paging, hashing of the raw bodies, failing on non-success statuses, and redacting the key from every URL
/// that is stored or logged. Subclasses only build the request and parse the body.
/// </summary>
public abstract class HttpDailyBarProvider(IHttpClientFactory clients, HttpProviderOptions options, TimeProvider time) : IDailyBarProvider
{
    public const string Redacted = "REDACTED";

    private static readonly string[] SecretParameters = ["apikey", "token"];

    public abstract string Id { get; }

    /// <summary>Configuration key name of the provider, e.g. <c>Yahoo</c> in <c>Ingestion:Providers:Yahoo:ApiKey</c>.</summary>
    protected abstract string OptionsName { get; }

    protected abstract bool RequiresApiKey { get; }

    protected abstract PriceKind PriceKind { get; }

    protected abstract string Attribution { get; }

    protected string ApiKey => options.ApiKey ?? "";

    protected Uri BaseUrl => options.BaseUrl ?? throw new InvalidOperationException($"Ingestion:Providers:{OptionsName}:BaseUrl is not set");

    public string? UnavailableReason =>
        RequiresApiKey && string.IsNullOrWhiteSpace(options.ApiKey) ? $"no API key configured (Ingestion:Providers:{OptionsName}:ApiKey)" : null;

    public virtual string? ResolveSymbol(InstrumentInfo instrument) => instrument.ProviderSymbols.GetValueOrDefault(Id);

    public async Task<ProviderResponse> FetchAsync(BarRequest request, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(Id);
        var firstUri = RequestUri(request);
        var bars = new List<ReceivedBar>();
        var actions = new List<ReceivedCorporateAction>();
        var actionsReported = true;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (Uri? uri = firstUri; uri is not null;)
        {
            var body = await GetBodyAsync(client, uri, cancellationToken);
            hash.AppendData(body);
            var page = Parse(Encoding.UTF8.GetString(body), request);
            bars.AddRange(page.Bars);
            actions.AddRange(page.CorporateActions);
            actionsReported &= page.CorporateActionsReported;
            uri = page.Next;
        }

        return new ProviderResponse
        {
            Provenance = new SourceProvenance(
                Redact(firstUri), time.GetUtcNow(), Convert.ToHexStringLower(hash.GetHashAndReset()), PriceKind, Attribution,
                CorporateActionsReported: actionsReported),
            Bars = bars,
            CorporateActions = actions,
        };
    }

    protected abstract Uri RequestUri(BarRequest request);

    /// <summary>Parses one page; throws <see cref="ProviderException"/> when the body is an error, whatever the status.</summary>
    protected abstract ProviderPage Parse(string body, BarRequest request);

    /// <summary>Extracts the provider's error message from a non-success body, or null to use the status alone.</summary>
    protected virtual string? ErrorMessage(string body) => null;

    /// <summary>The URL with every secret query value replaced by <see cref="Redacted"/>.</summary>
    public static string Redact(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.Query))
        {
            return uri.AbsoluteUri;
        }

        var parts = uri.Query.TrimStart('?').Split('&').Select(part =>
        {
            var name = part.Split('=')[0];
            return SecretParameters.Contains(name, StringComparer.OrdinalIgnoreCase) ? $"{name}={Redacted}" : part;
        });
        return uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', parts);
    }

    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private async Task<byte[]> GetBodyAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(uri, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // The exception message can carry the URL; never let the key out.
            throw new ProviderException($"GET {Redact(uri)} failed: {e.HttpRequestError}") { Fault = $"connection failed ({e.HttpRequestError})" };
        }

        using (response)
        {
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new ProviderException($"GET {Redact(uri)}: body cut off ({e.GetType().Name})") { Fault = "response body cut off" };
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                var text = Encoding.UTF8.GetString(body);
                throw new ProviderException($"GET {Redact(uri)}: HTTP {(int)response.StatusCode} {ErrorMessage(text) ?? Snippet(text)}")
                {
                    Fault = $"HTTP {(int)response.StatusCode}",
                };
            }

            return body;
        }
    }

    protected static string Snippet(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 120 ? trimmed : trimmed[..120] + "…";
    }
}

/// <summary>
/// The bars of one response page, the next page to fetch (if any), the corporate actions on it, and whether the page
/// reports corporate actions at all (so that a day without one had none).
/// </summary>
public sealed record ProviderPage(IReadOnlyList<ReceivedBar> Bars, Uri? Next = null)
{
    public IReadOnlyList<ReceivedCorporateAction> CorporateActions { get; init; } = [];

    public bool CorporateActionsReported { get; init; }
}
