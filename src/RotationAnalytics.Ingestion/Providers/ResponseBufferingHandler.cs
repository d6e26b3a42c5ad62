namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// Reads each response body inside the attempt. HttpClient otherwise buffers the body after the resilience handler
/// has returned, so a body cut off mid-transfer (or one that stalls) would escape the per-attempt timeout and the
/// retries; read here, it fails the attempt with an HttpRequestException that the retry strategy handles.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
