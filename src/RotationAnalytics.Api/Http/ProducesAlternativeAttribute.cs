namespace RotationAnalytics.Api.Http;

/// <summary>
/// Marks a read action that has a form besides JSON — <c>text/csv</c> where the answer is tabular, <c>text/markdown</c>
/// for a document (the brief) — chosen with <c>format=</c> or a preferred <c>Accept</c>, as the action tells
/// <see cref="Controllers.AnalyticsControllerBase"/> with <c>RequestedFormat(...)</c>. The OpenAPI document reads this
/// mark to list the media type and the format word; OpenApiDocumentTests asks every read endpoint for CSV and fails when
/// the mark and the answer disagree.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesAlternativeAttribute(ResponseFormat format) : Attribute
{
    public ResponseFormat Format { get; } = format;
}
