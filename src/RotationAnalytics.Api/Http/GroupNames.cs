namespace RotationAnalytics.Api.Http;

/// <summary>The one rule for group names, in query parameters and in admin requests alike.</summary>
public static class GroupNames
{
    public const string Rule = "A group name has 1–60 letters, digits, '-' or '_'.";

    public static bool IsValid(string name) => name.Length is > 0 and <= 60 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
