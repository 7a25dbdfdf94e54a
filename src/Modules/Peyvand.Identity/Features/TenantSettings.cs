using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

public sealed record TenantSettingsWrite(
    [property: Required, MaxLength(Tenant.MaxNameLength)] string Name,
    [property: Required, MaxLength(10)] string DefaultLanguage,
    [property: Required, MaxLength(20)] string DefaultCalendar,
    [property: Required, StringLength(3, MinimumLength = 3)] string DefaultCurrency,
    [property: Required, MaxLength(64)] string TimeZone,
    [property: Range(1, 12)] int FiscalYearStartMonth = 1,
    [property: Range(1, 31)] int FiscalYearStartDay = 1,
    [property: Required, MaxLength(10)] string RialDisplay = MoneyFormatter.Toman);

/// <summary>
/// The organisation; <c>logoUrl</c> is a cacheable address of its logo (a new upload gets a new one), or null.
/// <c>rialDisplay</c> (<c>toman</c> or <c>rial</c>) is how the UI shows and takes rial amounts; the API's amounts are
/// always rials.
/// </summary>
public sealed record TenantView(Guid Id, string Name, string Slug, string DefaultLanguage, string DefaultCalendar,
    string DefaultCurrency, string TimeZone, int FiscalYearStartMonth, int FiscalYearStartDay, string? LogoUrl, DateTime CreatedAt,
    string RialDisplay);

/// <summary>The caller's own organisation: read by anyone in it, changed by those with the settings permission.</summary>
public sealed class TenantSettings(PeyvandDbContext db, TimeProvider clock)
{
    public static readonly string[] Currencies = ["IRR", "USD", "EUR", "AED", "TRY", "GBP"];

    /// <summary>Where the UI and API clients fetch a logo; the id changes with every upload.</summary>
    public static string LogoUrl(Guid logoId) => $"/branding/logo/{logoId}";

    public async Task<Versioned<TenantView>> GetAsync(CancellationToken cancellationToken)
    {
        var tenant = await LoadAsync(cancellationToken);
        return new(View(tenant), tenant.Version, tenant.Id);
    }

    public async Task<Versioned<TenantView>> PatchAsync(JsonElement patch, int? expectedVersion, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand("settings", PermissionAction.Update, PermissionLevel.All);
        var tenant = await LoadAsync(cancellationToken);
        if (expectedVersion is { } expected && expected != tenant.Version)
            throw new ConcurrencyException();
        var write = MergePatch.Apply(new TenantSettingsWrite(tenant.Name, tenant.DefaultLanguage, tenant.DefaultCalendar,
            tenant.DefaultCurrency, tenant.TimeZone, tenant.FiscalYearStartMonth, tenant.FiscalYearStartDay, tenant.RialDisplay), patch);
        var errors = new Dictionary<string, List<string>>();
        UserSettings.Check(write.DefaultLanguage, write.DefaultCalendar, write.TimeZone, errors);
        if (!Currencies.Contains(write.DefaultCurrency))
            Validation.Add(errors, "defaultCurrency", IdentityText.OneOf(string.Join(", ", Currencies)));
        if (!MoneyFormatter.RialDisplays.Contains(write.RialDisplay))
            Validation.Add(errors, "rialDisplay", IdentityText.OneOf(string.Join(", ", MoneyFormatter.RialDisplays)));
        if (write.FiscalYearStartMonth is >= 1 and <= 12 && write.FiscalYearStartDay > DaysIn(write.DefaultCalendar, write.FiscalYearStartMonth))
            Validation.Add(errors, "fiscalYearStartDay", IdentityText.FiscalDay);
        Validation.Ensure(write, errors);

        tenant.Name = write.Name.Trim();
        tenant.DefaultLanguage = write.DefaultLanguage;
        tenant.DefaultCalendar = write.DefaultCalendar;
        tenant.DefaultCurrency = write.DefaultCurrency;
        tenant.TimeZone = write.TimeZone;
        tenant.FiscalYearStartMonth = write.FiscalYearStartMonth;
        tenant.FiscalYearStartDay = write.FiscalYearStartDay;
        tenant.RialDisplay = write.RialDisplay;
        tenant.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new(View(tenant), tenant.Version, tenant.Id);
    }

    /// <summary>Replaces the logo with a PNG or JPEG of at most 256 KB; anything else (SVG above all, which can carry script) is refused.</summary>
    public async Task<Versioned<TenantView>> SetLogoAsync(byte[] content, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand("settings", PermissionAction.Update, PermissionLevel.All);
        if (content.Length == 0)
            throw new InvalidInputException("file", IdentityText.FileEmpty);
        if (content.Length > TenantLogo.MaxBytes)
            throw new InvalidInputException("file", IdentityText.LogoTooBig(TenantLogo.MaxBytes / 1024));
        var contentType = ImageType(content)
            ?? throw new InvalidInputException("file", IdentityText.LogoFormat);

        var tenant = await LoadAsync(cancellationToken);
        var old = tenant.LogoId;
        var logo = new TenantLogo(contentType, content, clock.GetUtcNow().UtcDateTime);
        db.Add(logo);
        tenant.LogoId = logo.Id;
        tenant.Version++;
        await db.SaveChangesAsync(cancellationToken);
        // After the switch: at worst an unreferenced image is left, never a tenant pointing at nothing.
        if (old is { } oldId)
            await db.Set<TenantLogo>().Where(l => l.Id == oldId).ExecuteDeleteAsync(cancellationToken);
        return new(View(tenant), tenant.Version, tenant.Id);
    }

    public async Task<Versioned<TenantView>> RemoveLogoAsync(CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand("settings", PermissionAction.Update, PermissionLevel.All);
        var tenant = await LoadAsync(cancellationToken);
        if (tenant.LogoId is { } oldId)
        {
            tenant.LogoId = null;
            tenant.Version++;
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<TenantLogo>().Where(l => l.Id == oldId).ExecuteDeleteAsync(cancellationToken);
        }
        return new(View(tenant), tenant.Version, tenant.Id);
    }

    /// <summary>A logo by its id, for anyone holding the (unguessable, per-upload) address; no tenant is needed.</summary>
    public async Task<TenantLogo?> FindLogoAsync(Guid logoId, CancellationToken cancellationToken) =>
        await db.Set<TenantLogo>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(l => l.Id == logoId, cancellationToken);

    /// <summary>The type the bytes really are, whatever name or header came with them.</summary>
    public static string? ImageType(ReadOnlySpan<byte> content) =>
        content.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    private static int DaysIn(string calendar, int month) => calendar == "jalali"
        ? month <= 6 ? 31 : month <= 11 ? 30 : 29
        : month == 2 ? 28 : month is 4 or 6 or 9 or 11 ? 30 : 31;

    private async Task<Tenant> LoadAsync(CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentUser.RequireTenant();
        return await db.Set<Tenant>().SingleAsync(t => t.Id == tenantId, cancellationToken);
    }

    private static TenantView View(Tenant t) =>
        new(t.Id, t.Name, t.Slug, t.DefaultLanguage, t.DefaultCalendar, t.DefaultCurrency, t.TimeZone, t.FiscalYearStartMonth,
            t.FiscalYearStartDay, t.LogoId is { } logoId ? LogoUrl(logoId) : null, t.CreatedAt, t.RialDisplay);
}
