using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Domain.Breadth;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Infrastructure.Seeding;
using RotationAnalytics.Ingestion.Runs;

namespace RotationAnalytics.Api.Admin;

/// <summary>
/// Adds and retires instruments (SPEC §1 "universe as data"). Adding queues the instrument's backfill; retiring stops
/// its pulls and keeps its bars, provenance and group memberships, so it still answers queries.
/// </summary>
public sealed partial class InstrumentAdministration(RotationDbContext db, IngestionRunQueue runs, TimeProvider time)
{
    private static readonly string[] Kinds = ["index", "etf", "stock"];

    public async Task<AdminOutcome<AdminInstrumentResponse>> AddAsync(AddInstrumentRequest request, CancellationToken cancellationToken)
    {
        var validated = Validate(request);
        if (validated.Failure is { } invalid)
        {
            return invalid;
        }

        var instrument = validated.Value!;
        var spellings = new[] { instrument.Symbol }.Concat(instrument.Aliases).ToArray();
        var taken = await db.Instruments
            .Where(i => spellings.Contains(i.Symbol) || i.Aliases.Any(a => spellings.Contains(a)))
            .Select(i => new { i.Symbol, i.RetiredAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            return AdminFailure.Conflict(
                "symbol",
                taken.Symbol == instrument.Symbol
                    ? $"{instrument.Symbol} already exists{(taken.RetiredAt is null ? string.Empty : " (retired)")}."
                    : $"{string.Join(", ", spellings)} collides with the symbol or an alias of {taken.Symbol}.");
        }

        db.Instruments.Add(instrument);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AdminFailure.Conflict("symbol", $"{instrument.Symbol} already exists.");
        }

        var backfill = await runs.EnqueueAsync(new IngestionRequest { Trigger = "backfill", Symbols = [instrument.Symbol] }, cancellationToken);
        return new AdminOutcome<AdminInstrumentResponse>(ToResponse(instrument, backfill.RunId));
    }

    public async Task<AdminInstrumentResponse?> FindAsync(string symbol, CancellationToken cancellationToken) =>
        await FindEntityAsync(symbol, cancellationToken) is { } instrument ? ToResponse(instrument, backfillRunId: null) : null;

    /// <summary>Retires the instrument; retiring a retired one changes nothing (and moves no data version).</summary>
    public async Task<AdminOutcome<AdminInstrumentResponse>> RetireAsync(string symbol, CancellationToken cancellationToken)
    {
        if (await FindEntityAsync(symbol, cancellationToken) is not { } instrument)
        {
            return AdminFailure.NotFound("symbol", $"Unknown symbol '{symbol}'.");
        }

        if (instrument.RetiredAt is null)
        {
            var now = time.GetUtcNow();
            await db.Instruments.Where(i => i.Id == instrument.Id && i.RetiredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RetiredAt, now), cancellationToken);
            instrument = await FindEntityAsync(instrument.Symbol, cancellationToken) ?? instrument;
        }

        return new AdminOutcome<AdminInstrumentResponse>(ToResponse(instrument, backfillRunId: null));
    }

    private async Task<Instrument?> FindEntityAsync(string symbol, CancellationToken cancellationToken)
    {
        var wanted = symbol.Trim().ToUpperInvariant();
        return await db.Instruments.Include(i => i.ProviderSymbols)
            .FirstOrDefaultAsync(i => i.Symbol == wanted || i.Aliases.Contains(wanted), cancellationToken);
    }

    private static AdminOutcome<Instrument> Validate(AddInstrumentRequest request)
    {
        var errors = new List<FieldError>();
        var symbol = request.Symbol?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!SymbolPattern().IsMatch(symbol))
        {
            errors.Add(new FieldError("symbol", "A symbol has 1–15 characters of A–Z, 0–9, '.', '^' or '-' (SPEC §1)."));
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            errors.Add(new FieldError("name", "name is required (at most 200 characters)."));
        }

        var kind = request.Kind?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!Kinds.Contains(kind))
        {
            errors.Add(new FieldError("kind", "kind is one of index, etf, stock."));
        }

        var currency = request.Currency?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CurrencyPattern().IsMatch(currency))
        {
            errors.Add(new FieldError("currency", "currency is a three-letter ISO 4217 code, e.g. USD."));
        }

        var sector = string.IsNullOrWhiteSpace(request.Sector) ? null : request.Sector.Trim();
        if (sector is not null && !SuperSectors.IsGicsSector(sector))
        {
            errors.Add(new FieldError("sector", $"'{sector}' is not a GICS sector name (e.g. Financials, Information Technology)."));
        }

        var groups = (request.Groups ?? []).Select(g => g.Trim().ToLowerInvariant()).Distinct().ToList();
        foreach (var group in groups.Where(g => !GroupNames.IsValid(g)))
        {
            errors.Add(new FieldError("groups", $"'{group}': {GroupNames.Rule}"));
        }

        var aliases = (request.Aliases ?? []).Select(a => a.Trim().ToUpperInvariant()).Where(a => a != symbol).Distinct().ToList();
        foreach (var alias in aliases.Where(a => !SymbolPattern().IsMatch(a)))
        {
            errors.Add(new FieldError("aliases", $"'{alias}' is not a valid symbol spelling."));
        }

        var providerSymbols = ProviderSymbolDefaults.For(symbol, kind).ToDictionary(p => p.Provider, p => p.Symbol);
        foreach (var (provider, providerSymbol) in request.ProviderSymbols ?? new Dictionary<string, string?>())
        {
            var id = provider.Trim().ToLowerInvariant();
            if (!ProviderSymbolDefaults.Providers.Contains(id))
            {
                errors.Add(new FieldError("providerSymbols", $"unknown provider '{provider}'; known: {string.Join(", ", ProviderSymbolDefaults.Providers)}."));
            }
            else if (providerSymbol is null)
            {
                providerSymbols.Remove(id);
            }
            else if (providerSymbol.Trim().Length is 0 or > 30)
            {
                errors.Add(new FieldError("providerSymbols", $"the {id} symbol has 1–30 characters."));
            }
            else
            {
                providerSymbols[id] = providerSymbol.Trim();
            }
        }

        if (errors.Count > 0)
        {
            return AdminFailure.Invalid(errors);
        }

        return new AdminOutcome<Instrument>(new Instrument
        {
            Symbol = symbol,
            Name = name,
            Kind = kind,
            Currency = currency,
            Sector = sector,
            Groups = groups,
            Aliases = aliases,
            ProviderSymbols = [.. providerSymbols.Select(p => new ProviderSymbol { Provider = p.Key, Symbol = p.Value })],
        });
    }

    private static AdminInstrumentResponse ToResponse(Instrument instrument, long? backfillRunId) => new(
        instrument.Symbol,
        instrument.Name,
        instrument.Kind,
        instrument.Currency,
        instrument.Sector,
        instrument.Groups,
        instrument.Aliases,
        instrument.ProviderSymbols.OrderBy(p => p.Provider, StringComparer.Ordinal).ToDictionary(p => p.Provider, p => p.Symbol),
        instrument.RetiredAt is not null,
        instrument.RetiredAt,
        backfillRunId is { } id ? new RunLink(id, $"/admin/ingestion/runs/{id}") : null);

    [GeneratedRegex("^[A-Z0-9.^-]{1,15}$")]
    private static partial Regex SymbolPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
