namespace RotationAnalytics.Api.Contracts;

/// <summary>A named member list (SPEC §1): the members' canonical symbols, ordered; retired members stay listed.</summary>
public sealed record GroupResponse(string Name, IReadOnlyList<string> Members);
