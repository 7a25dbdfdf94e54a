using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;

namespace Peyvand.Identity.Features;

/// <summary>How the caller wants to read the app; a null field means "the organisation's default".</summary>
public sealed record PreferencesWrite(
    [property: MaxLength(10)] string? Language = null,
    [property: MaxLength(20)] string? Calendar = null,
    [property: MaxLength(64)] string? TimeZone = null,
    [property: MaxLength(10)] string? Theme = null);

public sealed record PreferencesView(string? Language, string? Calendar, string? TimeZone, string? Theme);

/// <summary>Every signed-in user reads and changes their own display preferences; no permission is needed for oneself.</summary>
public sealed class MyPreferences(PeyvandDbContext db)
{
    public static readonly string[] Themes = ["light", "dark", "system"];

    public async Task<PreferencesView> GetAsync(CancellationToken cancellationToken) => View(await LoadAsync(cancellationToken));

    public async Task<PreferencesView> SetAsync(PreferencesWrite write, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        UserSettings.Check(write.Language, write.Calendar, write.TimeZone, errors);
        if (write.Theme is not null && !Themes.Contains(write.Theme))
            Validation.Add(errors, "theme", IdentityText.Theme);
        Validation.Ensure(write, errors);

        var user = await LoadAsync(cancellationToken);
        (user.Language, user.Calendar, user.TimeZone, user.Theme) = (write.Language, write.Calendar, write.TimeZone, write.Theme);
        await db.SaveChangesAsync(cancellationToken);
        return View(user);
    }

    /// <summary>Only the theme: the app bar's light/dark switch.</summary>
    public async Task SetThemeAsync(string theme, CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken);
        await SetAsync(new PreferencesWrite(current.Language, current.Calendar, current.TimeZone, theme), cancellationToken);
    }

    private async Task<AppUser> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = db.CurrentUser.UserId ?? throw new ForbiddenException(IdentityText.OnlyUserPreferences);
        return await db.Set<AppUser>().SingleAsync(u => u.Id == userId, cancellationToken);
    }

    private static PreferencesView View(AppUser u) => new(u.Language, u.Calendar, u.TimeZone, u.Theme);
}
