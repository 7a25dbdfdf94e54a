using System.Text.Json.Serialization;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.Domain;

namespace Peyvand.Customers.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<AddressType>))]
public enum AddressType
{
    [JsonStringEnumMemberName("home")] Home,
    [JsonStringEnumMemberName("work")] Work,
    [JsonStringEnumMemberName("billing")] Billing,
    [JsonStringEnumMemberName("shipping")] Shipping,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>
/// A postal address. <see cref="Country"/> is an ISO 3166-1 alpha-2 code; for Iran (IR) <see cref="Province"/> is one
/// of <see cref="IranProvinces"/>' codes, elsewhere free text. One address of a record is primary.
/// </summary>
public sealed class AddressEntry
{
    public AddressType Type { get; set; }
    public string Country { get; set; } = "IR";
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? PostalCode { get; set; }
    public bool Primary { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<SocialNetwork>))]
public enum SocialNetwork
{
    [JsonStringEnumMemberName("linkedin")] LinkedIn,
    [JsonStringEnumMemberName("instagram")] Instagram,
    [JsonStringEnumMemberName("telegram")] Telegram,
    [JsonStringEnumMemberName("x")] X,
    [JsonStringEnumMemberName("whatsapp")] WhatsApp,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>A social profile, stored as its canonical URL (a Telegram @handle becomes https://t.me/handle).</summary>
public sealed class SocialProfile
{
    public SocialNetwork Network { get; set; }
    public string Url { get; set; } = "";
    public string? Handle { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ConsentStatus>))]
public enum ConsentStatus
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("granted")] Granted,
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
}

/// <summary>Consent for one channel: <see cref="ChangedAt"/> is stamped by the server whenever the status changes.</summary>
public sealed class ConsentEntry
{
    public ConsentStatus Status { get; set; }
    public string? Source { get; set; }
    public DateTime? ChangedAt { get; set; }
}

/// <summary>Whether a contact may be contacted by email, SMS and phone.</summary>
public sealed class ConsentState
{
    public ConsentEntry Email { get; set; } = new();
    public ConsentEntry Sms { get; set; } = new();
    public ConsentEntry Phone { get; set; } = new();
}

/// <summary>A contact's place at a company: their role there, and whether it is their primary company.</summary>
public sealed class ContactCompany : IAuditedLink
{
    public const int MaxRoleLength = 100;

    /// <summary>On the contact as a change of its companies, on the company as a change of its contacts.</summary>
    public IEnumerable<(string EntityType, Guid EntityId, string Field)> AuditedOn =>
        [(nameof(Contact), ContactId, "companies"), (nameof(Company), CompanyId, "contacts")];

    public Guid TenantId { get; private set; }
    public Guid ContactId { get; set; }
    public Guid CompanyId { get; set; }
    public string? Role { get; set; }
    public bool Primary { get; set; }
}

/// <summary>An admin-editable customer category (consumer, enterprise, government…), named in Persian and English.</summary>
public sealed class CustomerCategory : TenantEntity
{
    public const int MaxNameLength = 100;

    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}
