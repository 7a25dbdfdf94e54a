using System.Text.Json.Serialization;
using Peyvand.Kernel.Domain;

namespace Peyvand.Customers.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<LifecycleStage>))]
public enum LifecycleStage
{
    [JsonStringEnumMemberName("subscriber")] Subscriber,
    [JsonStringEnumMemberName("lead")] Lead,
    [JsonStringEnumMemberName("mql")] MarketingQualifiedLead,
    [JsonStringEnumMemberName("sql")] SalesQualifiedLead,
    [JsonStringEnumMemberName("opportunity")] Opportunity,
    [JsonStringEnumMemberName("customer")] Customer,
    [JsonStringEnumMemberName("evangelist")] Evangelist,
    [JsonStringEnumMemberName("churned")] Churned,
}

/// <summary>A person the organisation has a relationship with.</summary>
public sealed class Contact : TenantEntity, IOwned, ITagged
{
    public const int MaxNameLength = 100;

    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public List<EmailEntry> Emails { get; set; } = [];
    public List<PhoneEntry> Phones { get; set; } = [];
    public string? NationalId { get; set; }
    public LifecycleStage LifecycleStage { get; set; } = LifecycleStage.Lead;
    public string? JobTitle { get; set; }
    public Guid? CompanyId { get; set; }
    public string? Source { get; set; }
    public string? Website { get; set; }
    public DateOnly? Birthday { get; set; }
    public List<string> Tags { get; set; } = [];
    public Guid? OwnerId { get; set; }
    public List<AddressEntry> Addresses { get; set; } = [];
    public List<SocialProfile> SocialProfiles { get; set; } = [];
    public ConsentState Consent { get; set; } = new();
    public Guid? CategoryId { get; set; }
    public string? Notes { get; set; }

    /// <summary>The companies the contact belongs to; <see cref="CompanyId"/> mirrors the primary one.</summary>
    public List<ContactCompany> Companies { get; set; } = [];

    /// <summary>Custom-field values as a JSON object keyed by field key (see Kernel/CustomFields).</summary>
    public string CustomFields { get; set; } = "{}";

    /// <summary>The primary email and phone, kept in their own indexed columns for duplicate checks and lookups.</summary>
    public string? PrimaryEmail { get; private set; }
    public string? PrimaryPhone { get; private set; }

    /// <summary>Names, emails, phones, IDs and tags, normalised for search (see PersianText).</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Province, city and country keys of <see cref="Addresses"/> for the list filters (see <see cref="Domain.AddressKeys"/>).</summary>
    public List<string> AddressKeys { get; private set; } = [];

    public string FullName => $"{FirstName} {LastName}".Trim();

    public void Reindex(string searchText)
    {
        PrimaryEmail = Emails.FirstOrDefault(e => e.Primary)?.Value;
        PrimaryPhone = Phones.FirstOrDefault(p => p.Primary)?.Value;
        SearchText = searchText;
        AddressKeys = Domain.AddressKeys.Of(Addresses);
    }
}
