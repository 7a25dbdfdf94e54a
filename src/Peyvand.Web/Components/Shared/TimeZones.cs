namespace Peyvand.Web.Components.Shared;

/// <summary>The IANA time zones this machine knows, Asia/Tehran first (the default for Persian users).</summary>
public static class TimeZones
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Asia/Tehran",
        .. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
            .Where(id => id != "Asia/Tehran")
            .Order(StringComparer.Ordinal),
    ];
}
