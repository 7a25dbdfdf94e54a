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
using Peyvand.Kernel.Localization;

namespace Peyvand.Customers.Features;

public sealed record CompanyWrite(
    [property: Required, MaxLength(Company.MaxNameLength)] string Name,
    [property: MaxLength(Company.MaxNameLength)] string? LegalName = null,
    [property: MaxLength(20)] string? NationalId = null,
    [property: MaxLength(20)] string? EconomicCode = null,
    [property: MaxLength(100)] string? Industry = null,
    CompanySize? Size = null,
    [property: MaxLength(500)] string? Website = null,
    [property: MaxLength(20)] List<PhoneInput>? Phones = null,
    Guid? ParentCompanyId = null,
    [property: MaxLength(30)] List<string>? Tags = null,
    Guid? OwnerId = null,
    [property: MaxLength(10)] List<AddressInput>? Addresses = null,
    [property: MaxLength(20)] List<SocialProfileInput>? SocialProfiles = null,
    Guid? CategoryId = null,
    [property: MaxLength(CustomerRules.MaxNotesLength)] string? Notes = null,
    [property: MaxLength(200)] Dictionary<string, JsonElement>? CustomFields = null);

public sealed record CompanyView(
    Guid Id, string Name, string? LegalName, string? NationalId, string? EconomicCode, string? Industry, CompanySize? Size,
    string? Website, IReadOnlyList<PhoneEntry> Phones, Guid? ParentCompanyId, IReadOnlyList<string> Tags, Guid? OwnerId,
    DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<AddressEntry> Addresses, IReadOnlyList<SocialProfile> SocialProfiles, Guid? CategoryId, string? Notes,
    IReadOnlyDictionary<string, JsonElement> CustomFields);

/// <summary>
/// Filters on the company list, besides <c>q</c>: <c>size</c> takes one or more sizes (<c>11-50,51-250</c>); the
/// created/updated bounds read as on contacts; <c>unassigned=true</c> lists companies without an owner;
/// <c>province</c>/<c>city</c>/<c>country</c> match any one address, as on contacts.
/// </summary>
public sealed record CompanyFilter(
    Guid? OwnerId, string? Tag, string? Industry, Guid? CategoryId = null, string? Size = null, Guid? ParentCompanyId = null,
    string? CreatedFrom = null, string? CreatedTo = null, string? UpdatedFrom = null, string? UpdatedTo = null, bool? Unassigned = null,
    string? Province = null, string? City = null, string? Country = null);

public sealed class CompanyResource(PeyvandDbContext context, CustomFieldDefinitionCache definitionCache) : ResourceDefinition<Company, CompanyWrite, CompanyView>
{
    public override string Name => CustomersModule.Companies;

    // Built once: an expression tree is made by reflection, and a definition is made for every request.
    private static readonly Expression<Func<Company, string>> CustomFieldsColumn = c => c.CustomFields;

    public CustomFieldHost<Company> CustomFields { get; } = new(CustomersModule.Companies, CustomFieldsColumn);

    public override Task PrepareAsync(PeyvandDbContext db, CancellationToken cancellationToken) =>
        CustomFields.LoadForReadingAsync(db, definitionCache, cancellationToken);

    public override SortField<Company>? ExtraSort(string name) => CustomFields.Sort(name);

    public override IQueryable<Company> FilterByParameters(IQueryable<Company> query, IReadOnlyList<KeyValuePair<string, string?>> parameters) =>
        CustomFields.Filter(query, parameters);

    public override IReadOnlyList<SortField<Company>> Sorts => field ??=
    [
        SortField.By<Company, string>("name", c => c.Name),
        SortField.By<Company, DateTime>("createdAt", c => c.CreatedAt),
        SortField.By<Company, DateTime>("updatedAt", c => c.UpdatedAt),
        // Optional fields sort coalesced (records without one first), so the keyset never compares with NULL.
        SortField.By<Company, string>("legalName", c => c.LegalName ?? ""),
        SortField.By<Company, string>("industry", c => c.Industry ?? ""),
        // Sizes are stored by name: smallest first, companies without a size before them.
        SortField.By<Company, int>("size", c =>
            c.Size == null ? 0
            : c.Size == CompanySize.Micro ? 1
            : c.Size == CompanySize.Small ? 2
            : c.Size == CompanySize.Medium ? 3
            : c.Size == CompanySize.Large ? 4
            : 5),
        .. CustomerLists.ReferenceSorts<Company>(context, c => c.OwnerId, c => c.CategoryId),
    ];

    public override IReadOnlyDictionary<string, Func<string?, Func<CompanyWrite, CompanyWrite>>> BulkChanges => CompanyBulkChanges;

    public override IReadOnlyDictionary<string, CountGroup<Company>> CountGroups => CompanyCountGroups;

    private static readonly Dictionary<string, CountGroup<Company>> CompanyCountGroups = new()
    {
        ["size"] = CountGroup.ByEnum<Company, CompanySize>(c => c.Size),
        ["ownerId"] = CountGroup.ById<Company>(c => c.OwnerId),
        ["categoryId"] = CountGroup.ById<Company>(c => c.CategoryId),
    };

    private static readonly Dictionary<string, Func<string?, Func<CompanyWrite, CompanyWrite>>> CompanyBulkChanges =
        CustomerLists.OwnerAndTagChanges<CompanyWrite>((w, owner) => w with { OwnerId = owner }, w => w.Tags, (w, tags) => w with { Tags = tags });

    public static IQueryable<Company> Filter(IQueryable<Company> query, CompanyFilter filter)
    {
        var input = new ListFilterInput();
        // "+" in a query string is a space: 1000+ arrives as "1000 " unless encoded (%2B).
        var sizes = input.Enums<CompanySize>(filter.Size, "size", s => s == "1000" ? "1000+" : s);
        query = input.CreatedAndUpdated(query, filter.CreatedFrom, filter.CreatedTo, filter.UpdatedFrom, filter.UpdatedTo);
        var addressKeys = input.AddressKeys(filter.Province, filter.City, filter.Country);
        input.ThrowIfAny();

        if (addressKeys is not null)
            query = query.WithAnyKey(c => c.AddressKeys, addressKeys);

        if (sizes is { Count: > 0 })
        {
            var wanted = sizes.Cast<CompanySize?>().ToList();
            query = query.Where(c => wanted.Contains(c.Size));
        }
        if (filter.ParentCompanyId is { } parent)
            query = query.Where(c => c.ParentCompanyId == parent);
        if (filter.Unassigned is { } unassigned)
            query = query.Where(c => (c.OwnerId == null) == unassigned);
        if (filter.OwnerId is { } owner)
            query = query.Where(c => c.OwnerId == owner);
        if (!string.IsNullOrWhiteSpace(filter.Tag))
            query = query.Tagged(filter.Tag.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Industry))
            query = query.Where(c => c.Industry == filter.Industry.Trim());
        if (filter.CategoryId is { } category)
            query = query.Where(c => c.CategoryId == category);
        return query;
    }

    public override IQueryable<Company> Search(IQueryable<Company> query, string text) => query.Matching(context, text, c => c.SearchText);

    public override IQueryable<Company> SearchWithoutTypos(IQueryable<Company> query, string text) => query.Matching(context, text, c => c.SearchText, typos: false);

    public override Expression<Func<Company, int>> Relevance(string text) => Kernel.Text.Search.Relevance<Company>(text, c => c.SearchText);

    public override CompanyView ToView(Company c) => new(
        c.Id, c.Name, c.LegalName, c.NationalId, c.EconomicCode, c.Industry, c.Size, c.Website, c.Phones,
        c.ParentCompanyId, c.Tags, c.OwnerId, c.CreatedAt, c.UpdatedAt, c.Addresses, c.SocialProfiles, c.CategoryId, c.Notes,
        CustomFields.View(c.CustomFields));

    public override CompanyWrite ToWrite(Company c) => new(
        c.Name, c.LegalName, c.NationalId, c.EconomicCode, c.Industry, c.Size, c.Website,
        c.Phones.Select(p => new PhoneInput(p.Value, p.Type, p.Primary)).ToList(), c.ParentCompanyId, [.. c.Tags], c.OwnerId,
        c.Addresses.Select(a => new AddressInput(a.Type, a.Country, a.Province, a.City, a.Line1, a.Line2, a.PostalCode, a.Primary)).ToList(),
        c.SocialProfiles.Select(p => new SocialProfileInput(p.Network, p.Url)).ToList(), c.CategoryId, c.Notes,
        CustomFields.View(c.CustomFields));

    public override async Task UpdateAsync(Company company, CompanyWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var name = CustomerRules.Trimmed(write.Name) ?? "";
        if (name.Length == 0)
            Validation.Add(errors, "name", CustomerText.GiveCompanyName);
        var phones = ContactPointInput.Phones(write.Phones, errors);
        var tags = ContactPointInput.Tags(write.Tags, errors);
        var nationalId = DigitsOnly(write.NationalId, 11, 11, "nationalId", CustomerText.LegalId, errors);
        var economicCode = DigitsOnly(write.EconomicCode, 11, 14, "economicCode", CustomerText.EconomicCode, errors);
        CustomerRules.Website(write.Website, errors);
        if (write.ParentCompanyId is { } parentId && parentId != company.ParentCompanyId)
            await CheckParentAsync(company.Id, parentId, db, errors, cancellationToken);
        var addresses = RecordFieldInput.Addresses(write.Addresses, errors);
        var social = RecordFieldInput.SocialProfiles(write.SocialProfiles, errors);
        await CustomerRules.CategoryAsync(write.CategoryId, company.CategoryId, db, errors, cancellationToken);
        var owner = await CustomerRules.OwnerAsync(write.OwnerId ?? company.OwnerId, company.OwnerId, db, errors, cancellationToken);
        var custom = await CustomerRules.CustomFieldsAsync(CustomFields, company.Id, write.CustomFields, company.CustomFields, db, errors, cancellationToken);
        CustomerRules.ThrowIfAny(errors);
        await CustomFields.ReserveAsync(db, company.Id, custom, cancellationToken);

        company.Name = name;
        company.LegalName = CustomerRules.Trimmed(write.LegalName);
        company.NationalId = nationalId;
        company.EconomicCode = economicCode;
        company.Industry = CustomerRules.Trimmed(write.Industry);
        company.Size = write.Size;
        company.Website = CustomerRules.Trimmed(write.Website);
        company.Phones = phones;
        company.ParentCompanyId = write.ParentCompanyId;
        company.Tags = tags;
        company.OwnerId = owner;
        company.Addresses = addresses;
        company.SocialProfiles = social;
        company.CategoryId = write.CategoryId;
        company.Notes = CustomerRules.Trimmed(write.Notes);
        company.CustomFields = custom.Json;
        company.Reindex(SearchTextOf(company, custom.SearchWords));
    }

    /// <summary>The normalised search text of a company as it now stands (demo data is indexed by this, too).</summary>
    public static string SearchTextOf(Company company, IEnumerable<string>? customFieldWords = null) => CustomerRules.SearchText(
        new[] { company.Name, company.LegalName, company.NationalId, company.EconomicCode, company.Industry }
            .Concat(company.Phones.SelectMany(p => ContactPointInput.PhoneSearchForms(p.Value)))
            .Concat(company.Tags)
            .Concat(RecordFieldInput.AddressSearchWords(company.Addresses))
            .Concat(company.SocialProfiles.Select(p => p.Handle))
            .Concat(customFieldWords ?? []));

    private static string? DigitsOnly(string? text, int min, int max, string field, string message, IDictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var digits = Digits.ToAscii(text.Trim());
        if (digits.Length < min || digits.Length > max || !digits.All(char.IsAsciiDigit))
        {
            Validation.Add(errors, field, message);
            return null;
        }
        return digits;
    }

    // A company cannot sit under itself or under one of its own subsidiaries.
    private static async Task CheckParentAsync(Guid companyId, Guid parentId, PeyvandDbContext db, IDictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        Guid? current = parentId;
        for (var depth = 0; current is { } id && depth < 50; depth++)
        {
            if (id == companyId)
            {
                Validation.Add(errors, "parentCompanyId", CustomerText.OwnParent);
                return;
            }
            var next = await db.Set<Company>().Where(c => c.Id == id).Select(c => new { c.ParentCompanyId }).SingleOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                if (id == parentId)
                    Validation.Add(errors, "parentCompanyId", CustomerText.NoSuchCompany);
                return;
            }
            current = next.ParentCompanyId;
        }
    }
}
