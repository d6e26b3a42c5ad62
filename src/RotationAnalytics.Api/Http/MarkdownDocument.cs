using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace RotationAnalytics.Api.Http;

/// <summary>A Markdown document (<c>text/markdown; charset=utf-8</c>), rendered whole so HEAD has the length of GET.</summary>
public sealed class MarkdownDocument(string fileName, string text) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = ResponseFormats.MarkdownMediaType + "; charset=utf-8";
        response.Headers.ContentDisposition = $"inline; filename=\"{fileName}.md\"";
        var body = Encoding.UTF8.GetBytes(text);
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }
}
