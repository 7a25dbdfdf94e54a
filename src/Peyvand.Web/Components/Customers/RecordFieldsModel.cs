using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;

namespace Peyvand.Web.Components.Customers;

/// <summary>
/// The form state of the fields contacts and companies share beyond their basics — addresses, social profiles, category,
/// owner, notes — plus a contact's companies and consent. It reads from and writes into the API's own write records.
/// </summary>
public sealed class RecordFieldsModel
{
    public List<AddressRow> Addresses { get; } = [];
    public List<SocialRow> SocialProfiles { get; } = [];
    public List<CompanyLinkRow> Companies { get; } = [];
    public Dictionary<string, ConsentRow> Consent { get; } = new()
    {
        ["email"] = new(), ["sms"] = new(), ["phone"] = new(),
    };
    public Guid? CategoryId { get; set; }
    public Guid? OwnerId { get; set; }
    public string? Notes { get; set; }

    private static readonly string[] Prefixes = ["addresses[", "socialProfiles[", "companies[", "consent.", "categoryId", "ownerId", "notes", "companyId"];

    /// <summary>Whether the editor shows the error of this field (so the form does not list it again).</summary>
    public static bool Shows(string field) => Prefixes.Any(p => field.StartsWith(p, StringComparison.Ordinal));

    public static RecordFieldsModel From(ContactWrite w, IReadOnlyDictionary<Guid, string> companyNames)
    {
        var m = From(w.Addresses, w.SocialProfiles, w.CategoryId, w.OwnerId, w.Notes);
        m.Companies.AddRange((w.Companies ?? []).Select(c => new CompanyLinkRow
        {
            Company = new CompanyOption(c.CompanyId, companyNames.GetValueOrDefault(c.CompanyId, "")), Role = c.Role, Primary = c.Primary,
        }));
        if (w.Consent is { } consent)
        {
            foreach (var (channel, input) in new[] { ("email", consent.Email), ("sms", consent.Sms), ("phone", consent.Phone) })
                m.Consent[channel] = new ConsentRow { Status = input?.Status ?? ConsentStatus.Unknown, Source = input?.Source };
        }
        return m;
    }

    public static RecordFieldsModel From(CompanyWrite w) => From(w.Addresses, w.SocialProfiles, w.CategoryId, w.OwnerId, w.Notes);

    private static RecordFieldsModel From(List<AddressInput>? addresses, List<SocialProfileInput>? social, Guid? categoryId, Guid? ownerId, string? notes)
    {
        var m = new RecordFieldsModel { CategoryId = categoryId, OwnerId = ownerId, Notes = notes };
        m.Addresses.AddRange((addresses ?? []).Select(a => new AddressRow
        {
            Type = a.Type, Country = a.Country ?? RecordFieldInput.Iran, Province = a.Province, City = a.City, Line1 = a.Line1, Line2 = a.Line2,
            PostalCode = a.PostalCode, Primary = a.Primary,
        }));
        m.SocialProfiles.AddRange((social ?? []).Select(s => new SocialRow { Network = s.Network, Value = s.HandleOrUrl }));
        return m;
    }

    public ContactWrite ApplyTo(ContactWrite w) => w with
    {
        CompanyId = null,
        Companies = Sent(Companies, r => r.Company is null, "companies").Select(r => new ContactCompanyInput(r.Company!.Id, r.Role, r.Primary)).ToList(),
        Addresses = SentAddresses(),
        SocialProfiles = SentSocial(),
        Consent = new ConsentWrite(Input("email"), Input("sms"), Input("phone")),
        CategoryId = CategoryId,
        OwnerId = OwnerId ?? w.OwnerId,
        Notes = Notes,
    };

    public CompanyWrite ApplyTo(CompanyWrite w) => w with
    {
        Addresses = SentAddresses(),
        SocialProfiles = SentSocial(),
        CategoryId = CategoryId,
        OwnerId = OwnerId ?? w.OwnerId,
        Notes = Notes,
    };

    private ConsentInput Input(string channel) => new(Consent[channel].Status, Consent[channel].Source);

    private List<AddressInput> SentAddresses() =>
        Sent(Addresses, r => string.IsNullOrWhiteSpace(r.City) && string.IsNullOrWhiteSpace(r.Line1) && string.IsNullOrWhiteSpace(r.PostalCode)
                && string.IsNullOrWhiteSpace(r.Province), "addresses")
            .Select(r => new AddressInput(r.Type, r.Country, r.Province, r.City, r.Line1, r.Line2, r.PostalCode, r.Primary)).ToList();

    private List<SocialProfileInput> SentSocial() =>
        Sent(SocialProfiles, r => string.IsNullOrWhiteSpace(r.Value), "socialProfiles").Select(r => new SocialProfileInput(r.Network, r.Value.Trim())).ToList();

    // Blank rows are left out; each sent row remembers its index so the service's errors land on it.
    private static List<T> Sent<T>(List<T> rows, Func<T, bool> blank, string name) where T : FieldRow
    {
        var sent = new List<T>();
        foreach (var row in rows)
        {
            row.Field = blank(row) ? null : $"{name}[{sent.Count}]";
            if (row.Field is not null)
                sent.Add(row);
        }
        return sent;
    }
}

/// <summary>A form row whose errors come back under "name[index].field".</summary>
public abstract class FieldRow
{
    public string? Field { get; set; }
}

public sealed class AddressRow : FieldRow
{
    public AddressType Type { get; set; }
    public string Country { get; set; } = RecordFieldInput.Iran;
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? PostalCode { get; set; }
    public bool Primary { get; set; }
}

public sealed class SocialRow : FieldRow
{
    public SocialNetwork Network { get; set; } = SocialNetwork.Telegram;
    public string Value { get; set; } = "";
}

public sealed class CompanyLinkRow : FieldRow
{
    public CompanyOption? Company { get; set; }
    public string? Role { get; set; }
    public bool Primary { get; set; }
}

public sealed class ConsentRow
{
    public ConsentStatus Status { get; set; }
    public string? Source { get; set; }
}
