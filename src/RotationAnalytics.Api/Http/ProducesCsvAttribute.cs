namespace RotationAnalytics.Api.Http;

/// <summary>
/// Marks a read action whose answer has a tabular form: it answers <c>text/csv</c> for <c>format=csv</c> or a preferred
/// <c>Accept: text/csv</c>, as it tells <see cref="Controllers.AnalyticsControllerBase"/> with <c>RequestedFormat(tabular: true)</c>.
/// The OpenAPI document reads this mark to list <c>text/csv</c> and the <c>csv</c> format; OpenApiDocumentTests asks every
/// read endpoint for CSV and fails when the mark and the answer disagree.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesCsvAttribute : Attribute;
