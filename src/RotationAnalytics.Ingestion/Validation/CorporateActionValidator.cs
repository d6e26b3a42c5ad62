using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Ingestion.Providers;

namespace RotationAnalytics.Ingestion.Validation;

/// <summary>Reasons stored in <c>rejected_bars.reason</c> for a rejected corporate action (it is never stored).</summary>
public static class CorporateActionRejectionReasons
{
    public const string DateUnparsable = "action-date-unparsable";
    public const string DateInFuture = "action-date-in-future";
    public const string DividendNotFinite = "dividend-amount-not-finite";
    public const string DividendNegative = "dividend-amount-negative";
    public const string SplitRatioNotPositive = "split-ratio-not-positive";
    public const string DuplicateAction = "duplicate-action";
}

/// <summary>The corporate actions of one response that may be stored, ascending by ex-date, and the rejected ones with reasons.</summary>
public sealed record CorporateActionValidationResult(IReadOnlyList<ValidatedCorporateAction> Actions, IReadOnlyList<RejectedRow> Rejected);

/// <summary>
/// Hard checks of reported dividends and splits (SPEC §1, like bars): an unparsable or future ex-date, a dividend that is
/// negative or not a number, a split ratio that is not a positive number, or two different reports of the same kind
/// for one ex-date (neither can be trusted over the other) reject the action with its reason.
/// </summary>
public static class CorporateActionValidator
{
    /// <param name="today">Exchange-local today; a later ex-date is rejected (announced, not yet effective).</param>
    public static CorporateActionValidationResult Validate(IReadOnlyList<ReceivedCorporateAction> actions, DateOnly today)
    {
        var rejected = new List<RejectedRow>();
        var candidates = new List<ReceivedCorporateAction>(actions.Count);
        foreach (var action in actions)
        {
            if (HardError(action, today) is { } reason)
            {
                rejected.Add(new RejectedRow(action.RawRow, reason));
            }
            else
            {
                candidates.Add(action);
            }
        }

        // A provider repeating the same event (e.g. once per page) is one event; different values for it are a conflict.
        var accepted = new List<ValidatedCorporateAction>(candidates.Count);
        foreach (var group in candidates.GroupBy(a => (a.ExDate!.Value, a.Kind)).OrderBy(g => g.Key.Value).ThenBy(g => g.Key.Kind))
        {
            if (group.Select(a => a.Value).Distinct().Count() == 1)
            {
                accepted.Add(new ValidatedCorporateAction(group.Key.Value, group.Key.Kind, group.First().Value));
            }
            else
            {
                rejected.AddRange(group.Select(a => new RejectedRow(a.RawRow, CorporateActionRejectionReasons.DuplicateAction)));
            }
        }

        return new CorporateActionValidationResult(accepted, rejected);
    }

    private static string? HardError(ReceivedCorporateAction action, DateOnly today)
    {
        if (action.ExDate is not { } date)
        {
            return CorporateActionRejectionReasons.DateUnparsable;
        }

        if (date > today)
        {
            return CorporateActionRejectionReasons.DateInFuture;
        }

        return action.Kind switch
        {
            CorporateActionKind.Dividend when !double.IsFinite(action.Value) => CorporateActionRejectionReasons.DividendNotFinite,
            CorporateActionKind.Dividend when action.Value < 0 => CorporateActionRejectionReasons.DividendNegative,
            CorporateActionKind.Split when !(action.Value > 0) || !double.IsFinite(action.Value) => CorporateActionRejectionReasons.SplitRatioNotPositive,
            _ => null,
        };
    }
}
