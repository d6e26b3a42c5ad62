using Microsoft.EntityFrameworkCore;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Seeding;

/// <summary>
/// Inserts the instruments of <see cref="DefaultUniverse"/> that are missing. Idempotent and safe when two hosts start at
/// once: rows are inserted with ON CONFLICT DO NOTHING, so existing (possibly edited) instruments are never overwritten.
/// </summary>
public static class UniverseSeeder
{
    public static async Task<int> SeedAsync(RotationDbContext db, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var instrument in DefaultUniverse.Create())
        {
            inserted += await InsertInstrumentAsync(db, instrument, cancellationToken);
        }

        return inserted;
    }

    private static async Task<int> InsertInstrumentAsync(RotationDbContext db, Instrument instrument, CancellationToken cancellationToken)
    {
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO instruments (symbol, name, kind, currency, sector, groups, aliases)
            VALUES ({instrument.Symbol}, {instrument.Name}, {instrument.Kind}, {instrument.Currency}, {instrument.Sector},
                    {instrument.Groups.ToArray()}, {instrument.Aliases.ToArray()})
            ON CONFLICT (symbol) DO NOTHING
            """,
            cancellationToken);
        if (rows == 0)
        {
            return 0;
        }

        foreach (var providerSymbol in instrument.ProviderSymbols)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO provider_symbols (instrument_id, provider, symbol)
                SELECT id, {providerSymbol.Provider}, {providerSymbol.Symbol} FROM instruments WHERE symbol = {instrument.Symbol}
                ON CONFLICT DO NOTHING
                """,
                cancellationToken);
        }

        return 1;
    }
}
