using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Services;

namespace RotationAnalytics.Api.Controllers;

/// <summary>The instrument universe and what is stored for each instrument.</summary>
[ApiController]
[Route("instruments")]
[Produces("application/json")]
public sealed class InstrumentsController(InstrumentQueryService instruments) : ControllerBase
{
    /// <summary>Lists every instrument with its aliases, groups and stored-data coverage.</summary>
    /// <response code="200">All instruments, ordered by symbol.</response>
    /// <response code="503">The database is unreachable; retry after the Retry-After delay.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<InstrumentResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<IReadOnlyList<InstrumentResponse>> List(CancellationToken cancellationToken) =>
        await instruments.ListAsync(cancellationToken);
}
