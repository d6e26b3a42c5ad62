using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Services;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Instrument groups (sectors, baskets): names and members. Admins edit them under <c>/admin/groups</c>.</summary>
[Route("groups")]
public sealed class GroupsController(GroupQueryService groups, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Every group with its members, ordered by name; any of them works as <c>group=</c>.</summary>
    /// <response code="200">The groups.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<GroupResponse>>(StatusCodes.Status200OK)]
    public IActionResult List() =>
        Respond(groups.List(CacheKey));

    /// <summary>One group's members.</summary>
    /// <param name="name" example="us-sectors">Group name (case-insensitive).</param>
    /// <response code="200">The group.</response>
    /// <response code="400">A malformed name.</response>
    /// <response code="404">No instrument belongs to the group.</response>
    [HttpGet("{name}")]
    [ProducesResponseType<GroupResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public IActionResult Get(string name)
    {
        Query.Group(nameof(name), name);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        return Respond(groups.Get(name, CacheKey));
    }
}
