using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

public sealed record TenantSettingsWrite(
    [property: Required, MaxLength(Tenant.MaxNameLength)] string Name,
    [property: Required, MaxLength(10)] string DefaultLanguage,
    [property: Required, MaxLength(20)] string DefaultCalendar,
    [property: Required, StringLength(3, MinimumLength = 3)] string DefaultCurrency,
    [property: Required, MaxLength(64)] string TimeZone);

public sealed record TenantView(Guid Id, string Name, string Slug, string DefaultLanguage, string DefaultCalendar,
    string DefaultCurrency, string TimeZone, DateTime CreatedAt);

/// <summary>The caller's own organisation: read by anyone in it, changed by those with the settings permission.</summary>
public sealed class TenantSettings(PeyvandDbContext db)
{
    private static readonly string[] Currencies = ["IRR", "USD", "EUR", "AED", "TRY", "GBP"];

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
        var write = MergePatch.Apply(new TenantSettingsWrite(tenant.Name, tenant.DefaultLanguage, tenant.DefaultCalendar, tenant.DefaultCurrency, tenant.TimeZone), patch);
        var errors = new Dictionary<string, List<string>>();
        UserSettings.Check(write.DefaultLanguage, write.DefaultCalendar, write.TimeZone, errors);
        if (!Currencies.Contains(write.DefaultCurrency))
            Validation.Add(errors, "defaultCurrency", $"Use one of {string.Join(", ", Currencies)}.");
        Validation.Ensure(write, errors);

        tenant.Name = write.Name.Trim();
        tenant.DefaultLanguage = write.DefaultLanguage;
        tenant.DefaultCalendar = write.DefaultCalendar;
        tenant.DefaultCurrency = write.DefaultCurrency;
        tenant.TimeZone = write.TimeZone;
        tenant.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new(View(tenant), tenant.Version, tenant.Id);
    }

    private async Task<Tenant> LoadAsync(CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentUser.RequireTenant();
        return await db.Set<Tenant>().SingleAsync(t => t.Id == tenantId, cancellationToken);
    }

    private static TenantView View(Tenant t) =>
        new(t.Id, t.Name, t.Slug, t.DefaultLanguage, t.DefaultCalendar, t.DefaultCurrency, t.TimeZone, t.CreatedAt);
}
