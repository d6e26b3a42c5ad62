using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace RotationAnalytics.Browser.Tests;

/// <summary>
/// A page in its own browser context with what the page did on the way: console errors and uncaught exceptions, every
/// request's URL, and the requests that failed (network errors and HTTP statuses of 400 and above).
/// </summary>
public sealed class RecordedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public RecordedPage(IBrowserContext context, IPage page, Uri origin)
    {
        _context = context;
        Page = page;
        Origin = origin;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add("uncaught: " + error);
        page.Request += (_, request) => RequestUrls.Add(request.Url);
        page.RequestFailed += (_, request) => FailedRequests.Add($"{request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                FailedRequests.Add($"{response.Url}: HTTP {response.Status}");
            }
        };
    }

    public IPage Page { get; }

    public Uri Origin { get; }

    public ConcurrentBag<string> ConsoleErrors { get; } = [];

    public ConcurrentBag<string> FailedRequests { get; } = [];

    public ConcurrentBag<string> RequestUrls { get; } = [];

    /// <summary>Waits until the dashboard has settled every panel and drawn (body[data-state=ready]).</summary>
    public Task WaitUntilDrawnAsync() =>
        Page.WaitForSelectorAsync("body[data-state=ready]", new PageWaitForSelectorOptions { Timeout = 30_000 });

    /// <summary>
    /// Text of the element matched by the selector as a reader sees it, whitespace collapsed. The element is scrolled into
    /// view first: the dashboard lays out its long text at the foot of the page only near the viewport
    /// (content-visibility), and until then the browser renders, and so reports, none of it.
    /// </summary>
    public async Task<string> TextAsync(string selector)
    {
        var element = Page.Locator(selector);
        // The DOM's scrollIntoView, not Playwright's: that one waits for the element to be visible, which text not yet
        // laid out is not. A frame later the browser has rendered it.
        await element.EvaluateAsync("e => new Promise(resolve => { e.scrollIntoView({ block: 'nearest' }); requestAnimationFrame(() => requestAnimationFrame(resolve)); })");
        return string.Join(' ', (await element.InnerTextAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The number of painted (non-transparent) pixels of the chart's canvas; 0 when it has none.</summary>
    public Task<int> PaintedPixelsAsync(string chartId) => Page.EvaluateAsync<int>(
        """
        id => {
          const canvas = document.querySelector(`#${id} canvas`);
          if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
          const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
          return painted;
        }
        """, chartId);

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
