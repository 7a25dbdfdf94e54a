namespace Peyvand.Identity.Features;

/// <summary>The choices a user or tenant makes about language, calendar and time zone, validated the same everywhere.</summary>
public static class UserSettings
{
    public static readonly string[] Languages = ["fa", "en"];
    public static readonly string[] Calendars = ["jalali", "gregorian"];

    public static void Check(string? language, string? calendar, string? timeZone, IDictionary<string, List<string>> errors)
    {
        if (language is not null && !Languages.Contains(language))
            Kernel.Api.Validation.Add(errors, "language", IdentityText.Language);
        if (calendar is not null && !Calendars.Contains(calendar))
            Kernel.Api.Validation.Add(errors, "calendar", IdentityText.Calendar);
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            Kernel.Api.Validation.Add(errors, "timeZone", IdentityText.TimeZone);
    }
}
