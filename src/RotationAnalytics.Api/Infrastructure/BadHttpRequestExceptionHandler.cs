using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace RotationAnalytics.Api.Infrastructure;

/// <summary>
/// A request the server rejects while the application reads it — typically a chunked body beyond the size limit
/// (413), or a body that ends early (400) — answered with the server's status as ProblemDetails, not as a 500.
/// </summary>
internal sealed class BadHttpRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException rejected)
        {
            return false;
        }

        httpContext.Response.StatusCode = rejected.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = rejected.StatusCode,
                Title = ReasonPhrases.GetReasonPhrase(rejected.StatusCode),
                Detail = rejected.Message,
            },
        });
    }
}
