using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Ingestion.Providers;
using RotationAnalytics.Ingestion.Validation;

namespace RotationAnalytics.Ingestion.Tests;

public sealed class CorporateActionValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 6);

    private static ReceivedCorporateAction Dividend(string raw, DateOnly? date, double amount) => new(raw, CorporateActionKind.Dividend, date, amount);

    private static ReceivedCorporateAction Split(string raw, DateOnly? date, double ratio) => new(raw, CorporateActionKind.Split, date, ratio);

    [Fact]
    public void Each_hard_error_rejects_the_action_with_its_reason_and_the_valid_ones_are_kept_in_date_order()
    {
        var result = CorporateActionValidator.Validate(
            [
                Dividend("future", Today.AddDays(1), 0.5),
                Dividend("negative", Today.AddDays(-3), -0.01),
                Dividend("nan", Today.AddDays(-3), double.NaN),
                Split("zero", Today.AddDays(-2), 0),
                Split("negative-split", Today.AddDays(-2), -4),
                Split("infinite", Today.AddDays(-2), double.PositiveInfinity),
                Dividend("no-date", null, 0.5),
                Split("reverse", Today.AddDays(-1), 0.1),
                Dividend("today", Today, 0.62),
                Dividend("earlier", Today.AddDays(-30), 0.56),
            ],
            Today);

        result.Actions.Should().Equal(
            new ValidatedCorporateAction(Today.AddDays(-30), CorporateActionKind.Dividend, 0.56),
            new ValidatedCorporateAction(Today.AddDays(-1), CorporateActionKind.Split, 0.1),
            new ValidatedCorporateAction(Today, CorporateActionKind.Dividend, 0.62));
        result.Rejected.Should().Equal(
            new RejectedRow("future", "action-date-in-future"),
            new RejectedRow("negative", "dividend-amount-negative"),
            new RejectedRow("nan", "dividend-amount-not-finite"),
            new RejectedRow("zero", "split-ratio-not-positive"),
            new RejectedRow("negative-split", "split-ratio-not-positive"),
            new RejectedRow("infinite", "split-ratio-not-positive"),
            new RejectedRow("no-date", "action-date-unparsable"));
    }

    [Fact]
    public void A_repeated_report_is_one_action_and_conflicting_reports_for_one_ex_date_are_both_rejected()
    {
        var date = Today.AddDays(-5);

        var result = CorporateActionValidator.Validate(
            [Dividend("a", date, 0.56), Dividend("b", date, 0.56), Split("c", date, 2), Split("d", date, 3)], Today);

        result.Actions.Should().Equal(new ValidatedCorporateAction(date, CorporateActionKind.Dividend, 0.56));
        result.Rejected.Should().Equal(new RejectedRow("c", "duplicate-action"), new RejectedRow("d", "duplicate-action"));
    }
}
