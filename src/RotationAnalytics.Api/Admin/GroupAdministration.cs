using Microsoft.EntityFrameworkCore;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Infrastructure;

namespace RotationAnalytics.Api.Admin;

/// <summary>
/// Creates, replaces and deletes groups. A group is its member list, stored as the name in each member's
/// <c>instruments.groups</c>; every change is one UPDATE of instruments, so it advances the data version (and every
/// ETag) through the statement triggers in the same transaction, and an unchanged member list moves nothing. Names are
/// case-insensitive and stored lower-case.
/// </summary>
public sealed class GroupAdministration(RotationDbContext db)
{
    /// <summary>Creates or replaces the group; <c>Created</c> is true when no instrument belonged to it before.</summary>
    public async Task<AdminOutcome<(GroupResponse Group, bool Created)>> PutAsync(string name, PutGroupRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var group = name.Trim().ToLowerInvariant();
        if (!GroupNames.IsValid(group))
        {
            errors.Add(new FieldError("name", GroupNames.Rule));
        }

        var wanted = (request.Members ?? []).Select(m => m.Trim().ToUpperInvariant()).Where(m => m.Length > 0).Distinct().ToList();
        if (wanted.Count == 0)
        {
            errors.Add(new FieldError("members", "members lists at least one symbol (DELETE removes a group)."));
        }

        var instruments = await db.Instruments
            .Where(i => wanted.Contains(i.Symbol) || i.Aliases.Any(a => wanted.Contains(a)))
            .Select(i => new { i.Id, i.Symbol, i.Aliases })
            .ToListAsync(cancellationToken);
        var unknown = wanted.Where(w => !instruments.Any(i => i.Symbol == w || i.Aliases.Contains(w))).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError("members", $"unknown instrument{(unknown.Count > 1 ? "s" : string.Empty)}: {string.Join(", ", unknown)}"));
        }

        if (errors.Count > 0)
        {
            return AdminFailure.Invalid(errors);
        }

        var memberIds = instruments.Select(i => i.Id).Distinct().ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existed = await db.Database
            .SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM instruments, unnest(groups) AS g WHERE lower(g) = {group}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        // One statement: members gain the name (those that have it keep their order), others lose it.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE instruments SET groups = CASE
                WHEN id = ANY({memberIds}) THEN array_append(groups, {group})
                ELSE ARRAY(SELECT g FROM unnest(groups) WITH ORDINALITY AS u(g, n) WHERE lower(g) <> {group} ORDER BY n) END
            WHERE (id = ANY({memberIds})) <> EXISTS (SELECT 1 FROM unnest(groups) AS g WHERE lower(g) = {group})
            """,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var members = instruments.Select(i => i.Symbol).Distinct().Order(StringComparer.Ordinal).ToList();
        return new AdminOutcome<(GroupResponse, bool)>((new GroupResponse(group, members), !existed));
    }

    /// <summary>Removes the group from every member; false when no instrument belongs to it.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var group = name.Trim().ToLowerInvariant();
        var changed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE instruments SET groups = ARRAY(SELECT g FROM unnest(groups) WITH ORDINALITY AS u(g, n) WHERE lower(g) <> {group} ORDER BY n)
            WHERE EXISTS (SELECT 1 FROM unnest(groups) AS g WHERE lower(g) = {group})
            """,
            cancellationToken);
        return changed > 0;
    }
}
