using System.Text.RegularExpressions;

namespace Peyvand.Kernel.Text;

/// <summary>
/// @mentions in Markdown text, stored by user id as <c>@[Display name](user:GUID)</c> so a renamed user is still the one
/// meant; shown as a bold <c>@Display name</c>.
/// </summary>
public static partial class Mentions
{
    public static string Token(string displayName, Guid userId) =>
        $"@[{NamePart().Replace(displayName, " ").Trim()}](user:{userId})";

    public static IReadOnlyList<Guid> UserIds(string? text) =>
        text is null ? [] : Pattern().Matches(text).Select(m => Guid.Parse(m.Groups["id"].Value)).Distinct().ToList();

    /// <summary>Each mention's name and user id, in order of appearance.</summary>
    public static IReadOnlyList<(string Name, Guid UserId)> Parse(string? text) =>
        text is null ? [] : Pattern().Matches(text).Select(m => (m.Groups["name"].Value, Guid.Parse(m.Groups["id"].Value))).ToList();

    /// <summary>The text with each mention as the plain "@Name" people read.</summary>
    public static string ToPlain(string? text) => text is null ? "" : Pattern().Replace(text, m => "@" + m.Groups["name"].Value);

    /// <summary>Markdown with each mention as bold "@Name", ready for <see cref="Markdown.ToSafeHtml"/>.</summary>
    public static string ForRendering(string? text) =>
        text is null ? "" : Pattern().Replace(text, m => "**@" + m.Groups["name"].Value.Replace("*", "", StringComparison.Ordinal) + "**");

    [GeneratedRegex(@"@\[(?<name>[^\[\]\r\n]{1,100})\]\(user:(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"[\[\]\(\)\r\n]+")]
    private static partial Regex NamePart();
}
