using System.Text.Json.Serialization;
using Peyvand.Kernel.Domain;

namespace Peyvand.Customers.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<CompanySize>))]
public enum CompanySize
{
    [JsonStringEnumMemberName("1-10")] Micro,
    [JsonStringEnumMemberName("11-50")] Small,
    [JsonStringEnumMemberName("51-250")] Medium,
    [JsonStringEnumMemberName("251-1000")] Large,
    [JsonStringEnumMemberName("1000+")] Enterprise,
}

/// <summary>An organisation the tenant deals with; companies may form a hierarchy through <see cref="ParentCompanyId"/>.</summary>
public sealed class Company : TenantEntity, IOwned, ITagged
{
    public const int MaxNameLength = 200;

    public string Name { get; set; } = "";
    public string? LegalName { get; set; }

    /// <summary>The Iranian legal entity ID (شناسه ملی, 11 digits).</summary>
    public string? NationalId { get; set; }

    /// <summary>The Iranian economic code (کد اقتصادی, 12 digits).</summary>
    public string? EconomicCode { get; set; }
    public string? Industry { get; set; }
    public CompanySize? Size { get; set; }
    public string? Website { get; set; }
    public List<PhoneEntry> Phones { get; set; } = [];
    public Guid? ParentCompanyId { get; set; }
    public List<string> Tags { get; set; } = [];
    public Guid? OwnerId { get; set; }
    public List<AddressEntry> Addresses { get; set; } = [];
    public List<SocialProfile> SocialProfiles { get; set; } = [];
    public Guid? CategoryId { get; set; }
    public string? Notes { get; set; }

    /// <summary>Custom-field values as a JSON object keyed by field key (see Kernel/CustomFields).</summary>
    public string CustomFields { get; set; } = "{}";
    public string SearchText { get; private set; } = "";

    /// <summary>Province, city and country keys of <see cref="Addresses"/> for the list filters (see <see cref="Domain.AddressKeys"/>).</summary>
    public List<string> AddressKeys { get; private set; } = [];

    public void Reindex(string searchText)
    {
        SearchText = searchText;
        AddressKeys = Domain.AddressKeys.Of(Addresses);
    }
}
