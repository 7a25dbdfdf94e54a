using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

public sealed record ContactWrite(
    [property: MaxLength(Contact.MaxNameLength)] string? FirstName = null,
    [property: MaxLength(Contact.MaxNameLength)] string? LastName = null,
    [property: MaxLength(20)] List<EmailInput>? Emails = null,
    [property: MaxLength(20)] List<PhoneInput>? Phones = null,
    [property: MaxLength(20)] string? NationalId = null,
    LifecycleStage LifecycleStage = LifecycleStage.Lead,
    [property: MaxLength(100)] string? JobTitle = null,
    Guid? CompanyId = null,
    [property: MaxLength(100)] string? Source = null,
    [property: MaxLength(500)] string? Website = null,
    DateOnly? Birthday = null,
    [property: MaxLength(30)] List<string>? Tags = null,
    Guid? OwnerId = null,
    [property: MaxLength(10)] List<AddressInput>? Addresses = null,
    [property: MaxLength(20)] List<SocialProfileInput>? SocialProfiles = null,
    ConsentWrite? Consent = null,
    Guid? CategoryId = null,
    [property: MaxLength(CustomerRules.MaxNotesLength)] string? Notes = null,
    [property: MaxLength(20)] List<ContactCompanyInput>? Companies = null,
    [property: MaxLength(200)] Dictionary<string, JsonElement>? CustomFields = null);

public sealed record ContactView(
    Guid Id, string FirstName, string LastName, string FullName, IReadOnlyList<EmailEntry> Emails, IReadOnlyList<PhoneEntry> Phones,
    string? NationalId, LifecycleStage LifecycleStage, string? JobTitle, Guid? CompanyId, string? Source, string? Website,
    DateOnly? Birthday, IReadOnlyList<string> Tags, Guid? OwnerId, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<AddressEntry> Addresses, IReadOnlyList<SocialProfile> SocialProfiles, ConsentState Consent, Guid? CategoryId,
    string? Notes, IReadOnlyList<ContactCompanyView> Companies, IReadOnlyDictionary<string, JsonElement> CustomFields);

/// <summary>
/// Filters on the contact list, besides <c>q</c>: <c>lifecycleStage</c> takes one or more stages (<c>lead,mql</c>); the
/// created/updated bounds are ISO dates (whole days of the caller's time zone; to inclusive of its day) or date-times; the
/// birthday window is two month-days (<c>MM-dd</c>, both inclusive, wrapping past the year's end when from &gt; to) or
/// <c>birthdays=next7|thisMonth|nextMonth</c> (worked out on each request in the caller's calendar and zone);
/// <c>unassigned=true</c> lists records without an owner; <c>province</c>/<c>city</c>/<c>country</c> match any one
/// address (see <see cref="ListFilterInput.AddressKeys"/>).
/// </summary>
public sealed record ContactFilter(
    string? LifecycleStage, Guid? OwnerId, Guid? CompanyId, string? Tag, Guid? CategoryId = null,
    string? Source = null, string? CreatedFrom = null, string? CreatedTo = null, string? UpdatedFrom = null, string? UpdatedTo = null,
    string? BirthdayFrom = null, string? BirthdayTo = null, bool? HasEmail = null, bool? HasPhone = null, bool? Unassigned = null,
    string? Birthdays = null, string? Province = null, string? City = null, string? Country = null);

public sealed class ContactResource(TimeProvider clock, PeyvandDbContext context, CustomFieldDefinitionCache definitionCache)
    : ResourceDefinition<Contact, ContactWrite, ContactView>
{
    public override string Name => CustomersModule.Contacts;

    // Built once: an expression tree is made by reflection, and a definition is made for every request.
    private static readonly Expression<Func<Contact, string>> CustomFieldsColumn = c => c.CustomFields;

    public CustomFieldHost<Contact> CustomFields { get; } = new(CustomersModule.Contacts, CustomFieldsColumn);

    public override Task PrepareAsync(PeyvandDbContext db, CancellationToken cancellationToken) =>
        CustomFields.LoadForReadingAsync(db, definitionCache, cancellationToken);

    public override SortField<Contact>? ExtraSort(string name) => CustomFields.Sort(name);

    public override IQueryable<Contact> FilterByParameters(IQueryable<Contact> query, IReadOnlyList<KeyValuePair<string, string?>> parameters) =>
        CustomFields.Filter(query, parameters);

    public override IReadOnlyList<SortField<Contact>> Sorts => field ??=
    [
        SortField.By<Contact, string>("lastName", c => c.LastName),
        SortField.By<Contact, string>("firstName", c => c.FirstName),
        SortField.By<Contact, DateTime>("createdAt", c => c.CreatedAt),
        SortField.By<Contact, DateTime>("updatedAt", c => c.UpdatedAt),
        // Optional fields sort coalesced (records without one first), so the keyset never compares with NULL.
        SortField.By<Contact, string>("jobTitle", c => c.JobTitle ?? ""),
        SortField.By<Contact, string>("source", c => c.Source ?? ""),
        SortField.By<Contact, string>("email", c => c.PrimaryEmail ?? ""),
        SortField.By<Contact, DateOnly>("birthday", c => c.Birthday ?? DateOnly.MinValue),
        // Stages are stored by name: the funnel's order is spelled out, or "churned" would sort before "lead".
        SortField.By<Contact, int>("lifecycleStage", c =>
            c.LifecycleStage == LifecycleStage.Subscriber ? 0
            : c.LifecycleStage == LifecycleStage.Lead ? 1
            : c.LifecycleStage == LifecycleStage.MarketingQualifiedLead ? 2
            : c.LifecycleStage == LifecycleStage.SalesQualifiedLead ? 3
            : c.LifecycleStage == LifecycleStage.Opportunity ? 4
            : c.LifecycleStage == LifecycleStage.Customer ? 5
            : c.LifecycleStage == LifecycleStage.Evangelist ? 6
            : 7),
        .. CustomerLists.ReferenceSorts<Contact>(context, c => c.OwnerId, c => c.CategoryId),
        // The primary company's name; records without one (or with one the caller may not see) first.
        SortField.ByDatabase<Contact, string>("company", c =>
            context.Set<Company>().Where(k => k.Id == c.CompanyId).Select(k => k.Name).FirstOrDefault() ?? ""),
    ];

    private static readonly Expression<Func<Contact, IEnumerable<ContactCompany>>> CompanyLinks = c => c.Companies;
    private static readonly CompiledRead<Contact> ReadOne = CompiledRead.Including(CompanyLinks);

    public override IQueryable<Contact> Including(IQueryable<Contact> query) => query.Include(CompanyLinks);

    public override CompiledRead<Contact> ReadById => ReadOne;

    public override IReadOnlyDictionary<string, Func<string?, Func<ContactWrite, ContactWrite>>> BulkChanges => ContactBulkChanges;

    public override IReadOnlyDictionary<string, CountGroup<Contact>> CountGroups => ContactCountGroups;

    private static readonly Dictionary<string, CountGroup<Contact>> ContactCountGroups = new()
    {
        ["lifecycleStage"] = CountGroup.ByEnum<Contact, LifecycleStage>(c => c.LifecycleStage),
        ["ownerId"] = CountGroup.ById<Contact>(c => c.OwnerId),
        ["categoryId"] = CountGroup.ById<Contact>(c => c.CategoryId),
    };

    private static readonly Dictionary<string, Func<string?, Func<ContactWrite, ContactWrite>>> ContactBulkChanges =
        new Dictionary<string, Func<string?, Func<ContactWrite, ContactWrite>>>(
            CustomerLists.OwnerAndTagChanges<ContactWrite>((w, owner) => w with { OwnerId = owner }, w => w.Tags, (w, tags) => w with { Tags = tags }))
        {
            ["changeStage"] = value =>
            {
                var stage = QueryEnum.Parse<LifecycleStage>(value, "value")
                    ?? throw new InvalidInputException("value", CustomerText.GiveStage);
                return w => w with { LifecycleStage = stage };
            },
        };

    public override IQueryable<Contact> Search(IQueryable<Contact> query, string text) => query.Matching(context, text, c => c.SearchText);

    public override IQueryable<Contact> SearchWithoutTypos(IQueryable<Contact> query, string text) => query.Matching(context, text, c => c.SearchText, typos: false);

    public override Expression<Func<Contact, int>> Relevance(string text) => Kernel.Text.Search.Relevance<Contact>(text, c => c.SearchText);

    public static IQueryable<Contact> Filter(IQueryable<Contact> query, ContactFilter filter)
    {
        var input = new ListFilterInput();
        var stages = input.Enums<LifecycleStage>(filter.LifecycleStage, "lifecycleStage");
        query = input.CreatedAndUpdated(query, filter.CreatedFrom, filter.CreatedTo, filter.UpdatedFrom, filter.UpdatedTo);
        var birthdayFrom = input.MonthDay(filter.BirthdayFrom, "birthdayFrom");
        var birthdayTo = input.MonthDay(filter.BirthdayTo, "birthdayTo");
        var addressKeys = input.AddressKeys(filter.Province, filter.City, filter.Country);
        input.ThrowIfAny();

        if (addressKeys is not null)
            query = query.WithAnyKey(c => c.AddressKeys, addressKeys);

        if (stages is [var stage])
            query = query.Where(c => c.LifecycleStage == stage);
        else if (stages is { Count: > 1 })
            query = query.Where(c => stages.Contains(c.LifecycleStage));
        if (!string.IsNullOrWhiteSpace(filter.Source))
            query = query.Where(c => c.Source == filter.Source.Trim());
        if (birthdayFrom is not null || birthdayTo is not null)
        {
            int from = birthdayFrom ?? 101, to = birthdayTo ?? 1231;
            query = from <= to
                ? query.Where(c => c.Birthday != null && c.Birthday.Value.Month * 100 + c.Birthday.Value.Day >= from
                    && c.Birthday.Value.Month * 100 + c.Birthday.Value.Day <= to)
                : query.Where(c => c.Birthday != null && (c.Birthday.Value.Month * 100 + c.Birthday.Value.Day >= from
                    || c.Birthday.Value.Month * 100 + c.Birthday.Value.Day <= to));
        }
        if (filter.HasEmail is { } hasEmail)
            query = query.Where(c => (c.PrimaryEmail != null) == hasEmail);
        if (filter.HasPhone is { } hasPhone)
            query = query.Where(c => (c.PrimaryPhone != null) == hasPhone);
        if (filter.Unassigned is { } unassigned)
            query = query.Where(c => (c.OwnerId == null) == unassigned);
        if (filter.OwnerId is { } owner)
            query = query.Where(c => c.OwnerId == owner);
        if (filter.CompanyId is { } company)
            query = query.Where(c => c.Companies.Any(l => l.CompanyId == company));
        if (filter.CategoryId is { } category)
            query = query.Where(c => c.CategoryId == category);
        if (!string.IsNullOrWhiteSpace(filter.Tag))
            query = query.Tagged(filter.Tag.Trim());
        return query;
    }

    public override ContactView ToView(Contact c) => new(
        c.Id, c.FirstName, c.LastName, c.FullName, c.Emails, c.Phones, c.NationalId, c.LifecycleStage, c.JobTitle,
        c.CompanyId, c.Source, c.Website, c.Birthday, c.Tags, c.OwnerId, c.CreatedAt, c.UpdatedAt,
        c.Addresses, c.SocialProfiles, c.Consent, c.CategoryId, c.Notes,
        c.Companies.OrderByDescending(l => l.Primary).Select(l => new ContactCompanyView(l.CompanyId, l.Role, l.Primary)).ToList(),
        CustomFields.View(c.CustomFields));

    public override ContactWrite ToWrite(Contact c) => new(
        c.FirstName, c.LastName,
        c.Emails.Select(e => new EmailInput(e.Value, e.Type, e.Primary)).ToList(),
        c.Phones.Select(p => new PhoneInput(p.Value, p.Type, p.Primary)).ToList(),
        // companyId stays null: companies says it all, so a patch of companies alone is not undone by the old primary
        c.NationalId, c.LifecycleStage, c.JobTitle, null, c.Source, c.Website, c.Birthday, [.. c.Tags], c.OwnerId,
        c.Addresses.Select(a => new AddressInput(a.Type, a.Country, a.Province, a.City, a.Line1, a.Line2, a.PostalCode, a.Primary)).ToList(),
        c.SocialProfiles.Select(p => new SocialProfileInput(p.Network, p.Url)).ToList(),
        new ConsentWrite(new(c.Consent.Email.Status, c.Consent.Email.Source), new(c.Consent.Sms.Status, c.Consent.Sms.Source),
            new(c.Consent.Phone.Status, c.Consent.Phone.Source)),
        c.CategoryId, c.Notes,
        c.Companies.OrderByDescending(l => l.Primary).Select(l => new ContactCompanyInput(l.CompanyId, l.Role, l.Primary)).ToList(),
        CustomFields.View(c.CustomFields));

    public override async Task UpdateAsync(Contact contact, ContactWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var firstName = CustomerRules.Trimmed(write.FirstName) ?? "";
        var lastName = CustomerRules.Trimmed(write.LastName) ?? "";
        if (firstName.Length == 0 && lastName.Length == 0)
            Validation.Add(errors, "lastName", CustomerText.GiveName);
        var emails = ContactPointInput.Emails(write.Emails, errors);
        var phones = ContactPointInput.Phones(write.Phones, errors);
        var tags = ContactPointInput.Tags(write.Tags, errors);
        string? nationalId = null;
        if (!string.IsNullOrWhiteSpace(write.NationalId) && (nationalId = IranianNationalId.Normalize(write.NationalId)) is null)
            Validation.Add(errors, "nationalId", CustomerText.NationalId);
        CustomerRules.Website(write.Website, errors);
        if (write.Birthday is { } birthday && (birthday > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) || birthday.Year < 1900))
            Validation.Add(errors, "birthday", CustomerText.Birthday);
        var companies = await CompaniesAsync(contact, write, db, errors, cancellationToken);
        var addresses = RecordFieldInput.Addresses(write.Addresses, errors);
        var social = RecordFieldInput.SocialProfiles(write.SocialProfiles, errors);
        var consent = RecordFieldInput.Consent(contact.Consent, write.Consent, clock.GetUtcNow().UtcDateTime, errors);
        await CustomerRules.CategoryAsync(write.CategoryId, contact.CategoryId, db, errors, cancellationToken);
        var owner = await CustomerRules.OwnerAsync(write.OwnerId ?? contact.OwnerId, contact.OwnerId, db, errors, cancellationToken);
        var custom = await CustomerRules.CustomFieldsAsync(CustomFields, contact.Id, write.CustomFields, contact.CustomFields, db, errors, cancellationToken);
        CustomerRules.ThrowIfAny(errors);
        await CustomFields.ReserveAsync(db, contact.Id, custom, cancellationToken);

        contact.FirstName = firstName;
        contact.LastName = lastName;
        contact.Emails = emails;
        contact.Phones = phones;
        contact.NationalId = nationalId;
        contact.LifecycleStage = write.LifecycleStage;
        contact.JobTitle = CustomerRules.Trimmed(write.JobTitle);
        SetCompanies(contact, companies);
        contact.Addresses = addresses;
        contact.SocialProfiles = social;
        contact.Consent = consent;
        contact.CategoryId = write.CategoryId;
        contact.Notes = CustomerRules.Trimmed(write.Notes);
        contact.Source = CustomerRules.Trimmed(write.Source);
        contact.Website = CustomerRules.Trimmed(write.Website);
        contact.Birthday = write.Birthday;
        contact.Tags = tags;
        contact.OwnerId = owner;
        contact.CustomFields = custom.Json;
        contact.Reindex(SearchTextOf(contact, custom.SearchWords));
    }

    // companyId (the primary company, kept for older clients) joins companies as their primary one.
    // Companies the contact is already linked to are not looked up again (see CustomerRules.CategoryAsync).
    private static async Task<List<ContactCompanyInput>> CompaniesAsync(Contact contact, ContactWrite write, PeyvandDbContext db, IDictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        var wanted = new List<(ContactCompanyInput Link, string Field)>();
        for (var i = 0; i < (write.Companies?.Count ?? 0); i++)
        {
            var link = write.Companies![i];
            if (wanted.Any(w => w.Link.CompanyId == link.CompanyId))
                Validation.Add(errors, $"companies[{i}].companyId", CustomerText.CompanyTwice);
            else if (link.Role?.Length > ContactCompany.MaxRoleLength)
                Validation.Add(errors, $"companies[{i}].role", CustomerText.RoleTooLong(ContactCompany.MaxRoleLength));
            else
                wanted.Add((link with { Role = CustomerRules.Trimmed(link.Role) }, $"companies[{i}].companyId"));
        }
        if (write.CompanyId is { } primaryId)
        {
            var index = wanted.FindIndex(w => w.Link.CompanyId == primaryId);
            if (index < 0)
                wanted.Insert(0, (new ContactCompanyInput(primaryId, null, true), "companyId"));
            wanted = wanted.Select(w => (w.Link with { Primary = w.Link.CompanyId == primaryId }, w.Field)).ToList();
        }
        var linked = contact.Companies.Select(l => l.CompanyId).ToHashSet();
        var ids = wanted.Select(w => w.Link.CompanyId).Where(id => !linked.Contains(id)).ToList();
        var found = ids.Count == 0 ? [] : await db.Set<Company>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        found.AddRange(linked);
        foreach (var missing in wanted.Where(w => !found.Contains(w.Link.CompanyId)))
            Validation.Add(errors, missing.Field, CustomerText.NoSuchCompany);
        var primary = wanted.FirstOrDefault(w => w.Link.Primary).Link ?? wanted.FirstOrDefault().Link;
        return wanted.Select(w => w.Link with { Primary = ReferenceEquals(w.Link, primary) }).ToList();
    }

    private static void SetCompanies(Contact contact, List<ContactCompanyInput> wanted)
    {
        contact.Companies.RemoveAll(l => wanted.All(w => w.CompanyId != l.CompanyId));
        foreach (var w in wanted)
        {
            var link = contact.Companies.FirstOrDefault(l => l.CompanyId == w.CompanyId);
            if (link is null)
                contact.Companies.Add(link = new ContactCompany { ContactId = contact.Id, CompanyId = w.CompanyId });
            link.Role = w.Role;
            link.Primary = w.Primary;
        }
        contact.CompanyId = wanted.FirstOrDefault(w => w.Primary)?.CompanyId;
    }

    /// <summary>The normalised search text of a contact as it now stands (demo data is indexed by this, too).</summary>
    public static string SearchTextOf(Contact contact, IEnumerable<string>? customFieldWords = null) => CustomerRules.SearchText(
        new[] { contact.FirstName, contact.LastName, contact.JobTitle, contact.NationalId }
            .Concat(contact.Emails.Select(e => e.Value))
            .Concat(contact.Phones.SelectMany(p => ContactPointInput.PhoneSearchForms(p.Value)))
            .Concat(contact.Tags)
            .Concat(RecordFieldInput.AddressSearchWords(contact.Addresses))
            .Concat(contact.SocialProfiles.Select(p => p.Handle))
            .Concat(customFieldWords ?? []));
}
