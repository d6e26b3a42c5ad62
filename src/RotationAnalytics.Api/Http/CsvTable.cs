using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// A table written as RFC 4180 CSV (comma, CRLF, quoted when needed). Numbers use the invariant shortest round-trip
/// digits in plain notation (<see cref="DecimalNotation"/>), so the CSV carries exactly the values of the JSON; a cell
/// holding source batch ids (<c>IEnumerable&lt;long&gt;</c>) is written as the ids joined with ';'.
/// </summary>
public sealed class CsvTable(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"inline; filename=\"{fileName}.csv\"";
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        // Rendered whole so that the length is known: HEAD then answers with the Content-Length of the GET.
        var body = Encoding.UTF8.GetBytes(text.ToString());
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }

    private static void AppendRow<T>(StringBuilder text, IReadOnlyList<T> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = Format(cells[i]);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append("\r\n");
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => DecimalNotation.Format(d),
        IEnumerable<long> ids => string.Join(';', ids),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
