using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Admin;
using RotationAnalytics.Api.Contracts;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Creating, replacing and deleting groups; the built-in groups are editable too. Requires the X-Api-Key header.</summary>
[Route("admin/groups")]
public sealed class AdminGroupsController(GroupAdministration groups) : AdminControllerBase
{
    /// <summary>Creates the group or replaces its member list (201 created, 200 replaced). Every change moves the data version.</summary>
    /// <remarks>Example: <c>PUT /admin/groups/regional-banks</c> with <c>{"members":["KRE","HBAN","RF"]}</c>.</remarks>
    /// <param name="name">Group name: 1–60 letters, digits, '-' or '_' (case-insensitive, stored lower-case).</param>
    /// <param name="request">The complete member list.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="400">A malformed name, an empty member list, or unknown members (named in <c>errors.members</c>).</response>
    [HttpPut("{name}")]
    [ProducesResponseType<GroupResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<GroupResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<GroupResponse>> Put(string name, [FromBody] PutGroupRequest request, CancellationToken cancellationToken)
    {
        var put = await groups.PutAsync(name, request, cancellationToken);
        if (put.Failure is { } failure)
        {
            return Fail(failure);
        }

        var (group, created) = put.Value;
        return created ? Created($"/groups/{group.Name}", group) : Ok(group);
    }

    /// <summary>Deletes the group (its members stay).</summary>
    /// <param name="name">Group name (case-insensitive).</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No instrument belongs to the group.</response>
    [HttpDelete("{name}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Delete(string name, CancellationToken cancellationToken) =>
        await groups.DeleteAsync(name, cancellationToken)
            ? NoContent()
            : Fail(AdminFailure.NotFound("name", $"No instrument belongs to group '{name}'."));
}
