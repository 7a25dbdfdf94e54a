using System.Globalization;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Localization;

namespace Peyvand.Customers.Features;

/// <summary>
/// Reads the list filters that are more than one exact value — time ranges, month-day windows, lists of enum values —
/// from their query-string text, collecting every field's error so one 400 names them all.
/// </summary>
public sealed class ListFilterInput
{
    private readonly Dictionary<string, List<string>> _errors = [];

    /// <summary>A date-only bound (<c>2026-03-21</c>, Persian digits too), which the list reads as a day of the caller's zone.</summary>
    public static DateOnly? Day(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && DateOnly.TryParseExact(Digits.ToAscii(value.Trim()), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    /// <summary>
    /// A time range's bound: an ISO date-time with its offset (<c>2026-03-20T20:30:00Z</c>: that instant) or an ISO date.
    /// The list routes and pages first turn a date into its day in the caller's zone (<see cref="CustomerListFilters"/>);
    /// a date that reaches this unprepared counts as the whole UTC day, so a "to" date includes its day.
    /// </summary>
    public DateTime? Instant(string? value, string field, bool upper)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = Digits.ToAscii(value.Trim());
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddDays(upper ? 1 : 0);
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.UtcDateTime;
        Validation.Add(_errors, field, CustomerText.IsoDate);
        return null;
    }

    /// <summary>
    /// The <c>createdFrom</c>/<c>createdTo</c>/<c>updatedFrom</c>/<c>updatedTo</c> ranges of any tracked record
    /// (bounds read by <see cref="Instant"/>; "to" is exclusive of the instant after it).
    /// </summary>
    public IQueryable<T> CreatedAndUpdated<T>(IQueryable<T> query, string? createdFrom, string? createdTo, string? updatedFrom, string? updatedTo)
        where T : class, ITracked
    {
        if (Instant(createdFrom, "createdFrom", upper: false) is { } cf)
            query = query.Where(r => r.CreatedAt >= cf);
        if (Instant(createdTo, "createdTo", upper: true) is { } ct)
            query = query.Where(r => r.CreatedAt < ct);
        if (Instant(updatedFrom, "updatedFrom", upper: false) is { } uf)
            query = query.Where(r => r.UpdatedAt >= uf);
        if (Instant(updatedTo, "updatedTo", upper: true) is { } ut)
            query = query.Where(r => r.UpdatedAt < ut);
        return query;
    }

    /// <summary>A day of the year as <c>MM-dd</c> (<c>03-21</c>), as the number month × 100 + day (321).</summary>
    public int? MonthDay(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = Digits.ToAscii(value.Trim());
        // 2000 is a leap year, so 02-29 is a day too.
        if (text.Length == 5 && DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (day.Month * 100) + day.Day;
        Validation.Add(_errors, field, CustomerText.MonthDay);
        return null;
    }

    /// <summary>One or more enum values separated by commas (<c>lead,mql</c>), by their API names.</summary>
    public List<T>? Enums<T>(string? value, string field, Func<string, string>? alias = null)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var values = new List<T>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                if (QueryEnum.Parse<T>(alias?.Invoke(part) ?? part, field) is { } parsed)
                    values.Add(parsed);
            }
            catch (InvalidInputException ex)
            {
                foreach (var message in ex.Errors.Values.SelectMany(m => m))
                    Validation.Add(_errors, field, message);
            }
        }
        return values;
    }

    /// <summary>Throws one <see cref="InvalidInputException"/> with every error found so far.</summary>
    public void ThrowIfAny() => CustomerRules.ThrowIfAny(_errors);
}
