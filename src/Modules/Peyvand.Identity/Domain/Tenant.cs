using Peyvand.Kernel.Domain;

namespace Peyvand.Identity.Domain;

/// <summary>An organisation using Peyvand. Every tenant-owned row points at one; nothing crosses between them.</summary>
public sealed class Tenant : Entity, ITenantRoot
{
    public const int MaxNameLength = 200;
    public const int MaxSlugLength = 63;

    private Tenant()
    {
    }

    public Tenant(string name, string slug, DateTime createdAt)
    {
        Name = name;
        Slug = slug;
        CreatedAt = createdAt;
    }

    public string Name { get; set; } = "";
    public string Slug { get; private set; } = "";
    public string DefaultLanguage { get; set; } = "fa";
    public string DefaultCalendar { get; set; } = "jalali";
    public string DefaultCurrency { get; set; } = "IRR";
    public string TimeZone { get; set; } = "Asia/Tehran";

    /// <summary>
    /// How the UI shows and takes rial amounts: <c>toman</c> (1 toman = 10 rials, how most Iranians speak of prices;
    /// the default) or <c>rial</c>. Stored amounts and the API stay in rials either way.
    /// </summary>
    public string RialDisplay { get; set; } = Kernel.Localization.MoneyFormatter.Toman;

    /// <summary>The fiscal year's first month and day in the default calendar: 1 Farvardin (Nowruz) unless changed.</summary>
    public int FiscalYearStartMonth { get; set; } = 1;
    public int FiscalYearStartDay { get; set; } = 1;

    /// <summary>The current <see cref="TenantLogo"/>; a new upload gets a new id, so its address can be cached forever.</summary>
    public Guid? LogoId { get; set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; } = 1;
}
