using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RotationAnalytics.Api.OpenApi;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// The OpenAPI document is something clients generate code from: it must pass a strict lint, type every parameter as
/// the app enforces it, and describe what the live API really answers. One fetch of the document per test class.
/// </summary>
[Collection(MarketDataCollection.Name)]
public sealed class OpenApiDocumentTests(MarketDataApi api) : IAsyncLifetime
{
    private JsonObject _document = null!;

    private string _text = null!;

    /// <summary>
    /// Real requests on the shared market data, one or more per read route; every read GET route of the document must
    /// appear here, so a new endpoint is validated as soon as it is documented.
    /// </summary>
    private static readonly string[] LiveRequests =
    [
        "/instruments",
        "/instruments/SPX/bars?from=2026-01-02&to=2026-01-23",
        "/instruments/SPX/bars?from=2026-01-02&to=2026-01-23&format=csv",
        "/streaks?symbol=RUT&benchmark=SPX&asOf=2026-01-22&minLength=10",
        "/streaks?symbol=RUT&benchmark=SPX&asOf=2026-01-22&format=csv",
        "/relative-performance?symbols=QQQ,IWM,SPY&benchmark=SPY&from=2026-01-01&to=2026-01-23&basis=open&rsLine=true",
        "/indicators/rsi?symbol=RUT&from=2026-01-02&to=2026-01-23",
        "/breadth/sectors?from=2026-01-02&to=2026-01-23",
        "/breadth/sectors?date=2026-01-22&format=csv",
        "/highs?symbol=RUT&from=2026-01-01&to=2026-01-31",
        "/rotation?benchmark=SPY&symbols=XLB,XLU,XLK&asOf=2026-01-23&tail=5",
        "/rotation?benchmark=SPY&asOf=2026-01-23&interval=day&ratioWindow=63&momentumWindow=21&momentumLag=1",
        "/performance?symbols=XLK,XLU&benchmark=SPY&asOf=2026-01-22&horizons=1M,YTD,1Y,10Y,MAX",
        "/performance?group=us-sectors&benchmark=SPY&asOf=2026-01-22&format=csv",
        "/streaks/aftermath?symbol=RUT&benchmark=SPX&asOf=2026-01-22",
        "/correlation?symbols=IWM&benchmark=SPY&from=2025-01-01&to=2025-12-31&window=63",
        "/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2026-01-22&compare=COMP&lang=zh",
        "/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2026-01-22&format=markdown",
        "/groups",
        "/groups/us-sectors",
        // ProblemDetails: a 400 naming the parameter, a 404 for an unknown symbol, a 422 for too little data.
        "/streaks?symbol=RUT&benchmark=SPX&asOf=2026-13-01",
        "/streaks?symbol=NOPE&benchmark=SPX",
        "/indicators/rsi?symbol=RUT&period=250&to=1987-12-31",
    ];

    public async Task InitializeAsync()
    {
        _text = await api.Client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        _document = JsonNode.Parse(_text)!.AsObject();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_document_passes_the_strict_OpenAPI_lint()
    {
        var lint = Path.Combine(RepositoryPaths.Root, "tests", "RotationAnalytics.Api.Tests", "OpenApiLint");
        var redocly = Path.Combine(lint, "node_modules", ".bin", "redocly");
        File.Exists(redocly).Should().BeTrue($"scripts/test.sh runs npm ci in {lint}");
        var file = Path.Combine(Path.GetTempPath(), $"rotation-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, _text);
        try
        {
            var start = new ProcessStartInfo(redocly)
            {
                ArgumentList = { "lint", file, "--config", Path.Combine(lint, "redocly.yaml") },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = lint,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            process.ExitCode.Should().Be(0, await output + await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Live_answers_validate_against_the_documented_response_schemas()
    {
        var readRoutes = Operations()
            .Where(o => o.Method == "get" && !o.Path.StartsWith("/admin", StringComparison.Ordinal))
            .Select(o => o.Path)
            .ToHashSet();
        LiveRequests.Select(RouteOf).ToHashSet().Should().BeEquivalentTo(readRoutes, "every documented read route is requested");

        var failures = new List<string>();
        var statuses = new HashSet<int>();
        foreach (var url in LiveRequests)
        {
            using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
            var status = (int)response.StatusCode;
            statuses.Add(status);
            var mediaType = response.Content.Headers.ContentType!.MediaType!;
            var body = await response.Content.ReadAsStringAsync();
            var operation = _document["paths"]![RouteOf(url)]!["get"]!;
            var content = operation["responses"]![status.ToString(CultureInfo.InvariantCulture)]?["content"]?[mediaType];
            if (content is null)
            {
                failures.Add($"{url}: {status} {mediaType} is not documented");
                continue;
            }

            // CSV and Markdown are documented as strings.
            var instance = mediaType.StartsWith("text/", StringComparison.Ordinal) ? JsonValue.Create(body) : JsonNode.Parse(body);
            failures.AddRange(Validate(content["schema"]!, instance).Select(e => $"{url}: {e}"));
        }

        failures.Should().BeEmpty();
        statuses.Should().Contain([200, 400, 404, 422]);
    }

    [Fact]
    public void Every_example_in_the_document_validates_against_its_schema()
    {
        var failures = new List<string>();
        var examples = 0;
        foreach (var (name, schema) in _document["components"]!["schemas"]!.AsObject())
        {
            if (schema!["example"] is { } example)
            {
                examples++;
                failures.AddRange(Validate(schema, example).Select(e => $"schema {name}: {e}"));
            }
        }

        foreach (var operation in Operations())
        {
            foreach (var parameter in operation.Node["parameters"]?.AsArray() ?? [])
            {
                parameter!["example"].Should().NotBeNull($"{operation.Id} {parameter["name"]} has an example");
                examples++;
                failures.AddRange(Validate(parameter["schema"]!, parameter["example"]).Select(e => $"{operation.Id} {parameter["name"]}: {e}"));
            }

            foreach (var (status, response) in operation.Node["responses"]!.AsObject())
            {
                foreach (var (mediaType, content) in response!["content"]?.AsObject() ?? [])
                {
                    if (content!["example"] is { } example)
                    {
                        examples++;
                        failures.AddRange(Validate(content["schema"]!, example).Select(e => $"{operation.Id} {status} {mediaType}: {e}"));
                    }
                }
            }
        }

        failures.Should().BeEmpty();
        examples.Should().BeGreaterThan(100);

        // The validator can fail: a length given as text, and a property the schema does not declare, are refused.
        var streaks = _document["paths"]!["/streaks"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!;
        var wrong = streaks["example"]!.DeepClone();
        wrong["current"]!["length"] = "14";
        wrong["current"]!["streakLength"] = 14;
        Validate(streaks["schema"]!, wrong).Should().HaveCountGreaterThanOrEqualTo(2)
            .And.Contain(e => e.Contains("/current/length", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("streakLength", StringComparison.Ordinal) || e.Contains("additionalProperties", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_read_answer_has_a_recorded_example_from_the_shared_data()
    {
        var missing = Operations()
            .Where(o => o.Method == "get")
            .Where(o => o.Node["responses"]!["200"]!["content"]!["application/json"]!["example"] is null)
            .Select(o => o.Id);
        missing.Should().BeEmpty();

        // The seed question: the Russell 2000's run against the S&P 500 as of 2026-01-22 (EndpointValueTests: pandas).
        var streak = _document["paths"]!["/streaks"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!["current"]!;
        streak["length"]!.GetValue<int>().Should().Be(14);
        streak["rank"]!.GetValue<int>().Should().Be(2);
        streak["startDate"]!.GetValue<string>().Should().Be("2026-01-02");
        _text.Should().NotContain("additionalProp1");
    }

    [Fact]
    public void Every_parameter_is_typed_by_the_table_and_not_a_bare_string()
    {
        // Names parallel work adds (briefs, groups, universe admin, total returns) are typed before they arrive.
        ParameterSchemas.Names.Should().Contain(["lang", "compare", "returnType", "format", "group", "name", "id", "symbol", "horizons"]);

        var untyped = new List<string>();
        foreach (var operation in Operations())
        {
            foreach (var parameter in operation.Node["parameters"]?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                var schema = parameter["schema"]!.AsObject();
                var bareString = schema["type"]?.GetValue<string>() == "string"
                    && schema["format"] is null && schema["pattern"] is null && schema["enum"] is null;
                if (!ParameterSchemas.Names.Contains(name) || bareString)
                {
                    untyped.Add($"{operation.Id} {name}: {schema.ToJsonString()}");
                }
            }
        }

        untyped.Should().BeEmpty("every parameter gets its type from OpenApi/ParameterSchemas.cs");

        var streaks = Parameters("/streaks");
        streaks["asOf"]["schema"]!["format"]!.GetValue<string>().Should().Be("date");
        streaks["asOf"]["example"]!.GetValue<string>().Should().Be("2026-01-22");
        streaks["pageSize"]["schema"]!.ToJsonString().Should().Be("""{"maximum":500,"minimum":1,"type":"integer","format":"int32"}""");
        streaks["format"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("json", "csv");
        Parameters("/rotation")["format"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("json");
        var horizons = Parameters("/performance")["horizons"];
        horizons["explode"]!.GetValue<bool>().Should().BeFalse();
        horizons["schema"]!["items"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(
            "1D", "1W", "WTD", "MTD", "1M", "QTD", "3M", "6M", "YTD", "1Y", "3Y", "5Y", "10Y", "MAX");
        Parameters("/streaks/aftermath")["horizons"]["schema"]!["items"]!["maximum"]!.GetValue<int>().Should().Be(2520);
        Parameters("/relative-performance")["basis"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("close", "open");
    }

    [Fact]
    public async Task Documented_bounds_and_choices_are_the_ones_the_app_enforces()
    {
        // For each bounded or enumerated query parameter of each read GET: the bound is accepted and one step beyond it is
        // a 400 naming the parameter; each listed word is accepted, an unlisted one refused. Other parameters are left out,
        // so a request may still fail on them (e.g. a missing symbol); only errors naming the parameter under test count.
        var failures = new List<string>();
        // Admin operations are left out: the shared host has no admin key configured (they answer 401 first).
        var operations = Operations().Where(o => o.Method == "get" && !o.Path.Contains('{', StringComparison.Ordinal)
            && !o.Path.StartsWith("/admin", StringComparison.Ordinal));
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Node["parameters"]?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                var schema = parameter["schema"]!;
                var cases = new List<(string Value, bool Accepted)>();
                if (schema["minimum"] is { } min && schema["maximum"] is { } max)
                {
                    var step = schema["type"]!.GetValue<string>() == "integer" ? 1m : 0.001m;
                    var low = min.GetValue<decimal>();
                    var high = max.GetValue<decimal>();
                    cases.AddRange([(Text(low), true), (Text(high), true), (Text(low - step), false), (Text(high + step), false)]);
                }

                if (schema["enum"] is JsonArray words)
                {
                    cases.AddRange(words.Select(w => (w!.GetValue<string>(), true)));
                    cases.Add(("zzz", false));
                }

                if (schema["format"]?.GetValue<string>() == "date")
                {
                    cases.AddRange([("2026-01-22", true), ("2026-02-30", false), ("22/01/2026", false)]);
                }

                foreach (var (value, accepted) in cases)
                {
                    var url = $"{operation.Path}?{name}={Uri.EscapeDataString(value)}";
                    using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
                    var errors = response.StatusCode == HttpStatusCode.BadRequest
                        ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject()
                        : [];
                    var messages = errors[name]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? [];
                    // An accepted value may still meet a rule between parameters (oversold=100 is not below overbought=70).
                    var refused = accepted ? messages.Any(m => m.Contains("between", StringComparison.Ordinal) || m.Contains(" not ", StringComparison.Ordinal)) : messages.Count > 0;
                    if (refused != !accepted)
                    {
                        failures.Add($"{url}: expected {(accepted ? "accepted" : "400 naming " + name)}, got {(int)response.StatusCode} {errors.ToJsonString()}");
                    }
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Csv_is_documented_exactly_where_the_endpoint_answers_csv()
    {
        var mismatches = new List<string>();
        foreach (var operation in Operations().Where(o => o.Method == "get" && !o.Path.StartsWith("/admin", StringComparison.Ordinal)))
        {
            var documented = operation.Node["responses"]!["200"]!["content"]!["text/csv"] is not null;
            var path = operation.Path.Replace("{symbol}", "SPX", StringComparison.Ordinal).Replace("{name}", "us-sectors", StringComparison.Ordinal);
            using var response = await api.Client.GetAsync(new Uri($"{path}?format=csv", UriKind.Relative));
            // A non-tabular endpoint refuses format=csv (400); a tabular one may still refuse other missing parameters.
            var answersCsv = response.Content.Headers.ContentType?.MediaType == "text/csv"
                || (response.StatusCode == HttpStatusCode.BadRequest
                    && !JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey("format"));
            if (documented != answersCsv)
            {
                mismatches.Add($"{operation.Id}: documented csv {documented}, answers csv {answersCsv}");
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void The_api_key_scheme_guards_admin_operations_only_and_tags_put_admin_last()
    {
        var scheme = _document["components"]!["securitySchemes"]![AdminSecurityFilter.SchemeName]!;
        scheme.ToJsonString().Should().Contain("\"type\":\"apiKey\"").And.Contain("\"name\":\"X-Api-Key\"").And.Contain("\"in\":\"header\"");
        foreach (var operation in Operations())
        {
            var requirement = operation.Node["security"]!.ToJsonString();
            requirement.Should().Be(
                operation.Path.StartsWith("/admin", StringComparison.Ordinal) ? """[{"ApiKey":[]}]""" : "[]", operation.Id);
        }

        var tags = _document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        _document["tags"]!.AsArray().Should().OnlyContain(t => t!["description"] != null, "controller summaries describe the tags");
        var rank = tags.Select(t => Operations().Where(o => o.Node["tags"]![0]!.GetValue<string>() == t)
            .Max(o => o.Path.StartsWith("/admin", StringComparison.Ordinal) ? 2 : o.Path.StartsWith("/instruments", StringComparison.Ordinal) || o.Path.StartsWith("/groups", StringComparison.Ordinal) ? 1 : 0)).ToList();
        rank.Should().BeInAscendingOrder("analytics first, then instruments and groups, admin last: {0}", string.Join(", ", tags));
        tags[0].Should().NotBe("Instruments");
        tags[^1].Should().StartWith("Admin");
    }

    private sealed record Operation(string Path, string Method, string Id, JsonNode Node);

    private IEnumerable<Operation> Operations() =>
        _document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => new Operation(path.Key, op.Key, op.Value!["operationId"]!.GetValue<string>(), op.Value!)));

    private Dictionary<string, JsonNode> Parameters(string path) =>
        _document["paths"]![path]!["get"]!["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The document's route of a request URL: its path, with the bars symbol back to the template.</summary>
    private static string RouteOf(string url)
    {
        var path = url.Split('?')[0];
        return path.StartsWith("/instruments/", StringComparison.Ordinal) ? "/instruments/{symbol}/bars"
            : path.StartsWith("/groups/", StringComparison.Ordinal) ? "/groups/{name}"
            : path;
    }

    /// <summary>
    /// The errors of an instance against an OpenAPI 3.0 schema, with <c>$ref</c>s resolved into the document's
    /// components. OpenAPI 3.0 is not JSON Schema: <c>nullable</c> becomes a null alternative; and where a DTO schema does
    /// not say, undeclared properties are refused (a property the document does not describe is drift).
    /// </summary>
    private List<string> Validate(JsonNode schema, JsonNode? instance)
    {
        var root = JsonOpenApi(schema.DeepClone())!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = new JsonObject(_document["components"]!["schemas"]!.AsObject()
            .Select(s => KeyValuePair.Create(s.Key, JsonOpenApi(s.Value!.DeepClone()))));
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var compiled = JsonSchema.FromText(text, baseUri: new Uri($"https://rotation.test/{Guid.NewGuid():N}"));
        using var value = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = compiled.Evaluate(value.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}")
                .DefaultIfEmpty("invalid")
                .ToList();
    }

    private static JsonNode? JsonOpenApi(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = JsonOpenApi(array[i]?.DeepClone());
                }

                return array;
            case JsonObject schema:
                foreach (var key in schema.Select(p => p.Key).ToList())
                {
                    if (key is not ("example" or "enum"))
                    {
                        schema[key] = JsonOpenApi(schema[key]?.DeepClone());
                    }
                }

                schema.Remove("example");
                if (schema["properties"] is not null && schema["additionalProperties"] is null)
                {
                    schema["additionalProperties"] = false;
                }

                if (schema["nullable"]?.GetValue<bool>() == true)
                {
                    schema.Remove("nullable");
                    if (schema["allOf"] is not null || schema["$ref"] is not null || schema["type"] is not JsonValue)
                    {
                        // The referenced schema refuses null itself: null is an alternative to the whole schema.
                        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema.DeepClone()) };
                    }

                    schema["type"] = new JsonArray(schema["type"]!.GetValue<string>(), "null");
                    schema["enum"]?.AsArray().Add(null);
                }

                return schema;
            default:
                return node;
        }
    }
}
