using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Api;
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
    Guid? OwnerId = null);

public sealed record ContactView(
    Guid Id, string FirstName, string LastName, string FullName, IReadOnlyList<EmailEntry> Emails, IReadOnlyList<PhoneEntry> Phones,
    string? NationalId, LifecycleStage LifecycleStage, string? JobTitle, Guid? CompanyId, string? Source, string? Website,
    DateOnly? Birthday, IReadOnlyList<string> Tags, Guid? OwnerId, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Filters on the contact list, besides <c>q</c>.</summary>
public sealed record ContactFilter(string? LifecycleStage, Guid? OwnerId, Guid? CompanyId, string? Tag);

public sealed class ContactResource(TimeProvider clock, PeyvandDbContext context) : ResourceDefinition<Contact, ContactWrite, ContactView>
{
    public override string Name => CustomersModule.Contacts;

    public override IReadOnlyList<SortField<Contact>> Sorts { get; } =
    [
        SortField.By<Contact, string>("lastName", c => c.LastName),
        SortField.By<Contact, string>("firstName", c => c.FirstName),
        SortField.By<Contact, DateTime>("createdAt", c => c.CreatedAt),
        SortField.By<Contact, DateTime>("updatedAt", c => c.UpdatedAt),
    ];

    public override IQueryable<Contact> Search(IQueryable<Contact> query, string text) => query.Matching(context, text, c => c.SearchText);

    public override Expression<Func<Contact, int>> Relevance(string text) => Kernel.Text.Search.Relevance<Contact>(text, c => c.SearchText);

    public static IQueryable<Contact> Filter(IQueryable<Contact> query, ContactFilter filter)
    {
        if (QueryEnum.Parse<LifecycleStage>(filter.LifecycleStage, "lifecycleStage") is { } stage)
            query = query.Where(c => c.LifecycleStage == stage);
        if (filter.OwnerId is { } owner)
            query = query.Where(c => c.OwnerId == owner);
        if (filter.CompanyId is { } company)
            query = query.Where(c => c.CompanyId == company);
        if (!string.IsNullOrWhiteSpace(filter.Tag))
            query = query.Where(c => c.Tags.Contains(filter.Tag.Trim()));
        return query;
    }

    public override ContactView ToView(Contact c) => new(
        c.Id, c.FirstName, c.LastName, c.FullName, c.Emails, c.Phones, c.NationalId, c.LifecycleStage, c.JobTitle,
        c.CompanyId, c.Source, c.Website, c.Birthday, c.Tags, c.OwnerId, c.CreatedAt, c.UpdatedAt);

    public override ContactWrite ToWrite(Contact c) => new(
        c.FirstName, c.LastName,
        c.Emails.Select(e => new EmailInput(e.Value, e.Type, e.Primary)).ToList(),
        c.Phones.Select(p => new PhoneInput(p.Value, p.Type, p.Primary)).ToList(),
        c.NationalId, c.LifecycleStage, c.JobTitle, c.CompanyId, c.Source, c.Website, c.Birthday, [.. c.Tags], c.OwnerId);

    public override async Task UpdateAsync(Contact contact, ContactWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var firstName = CustomerRules.Trimmed(write.FirstName) ?? "";
        var lastName = CustomerRules.Trimmed(write.LastName) ?? "";
        if (firstName.Length == 0 && lastName.Length == 0)
            Validation.Add(errors, "lastName", "Give a first or last name.");
        var emails = ContactPointInput.Emails(write.Emails, errors);
        var phones = ContactPointInput.Phones(write.Phones, errors);
        var tags = ContactPointInput.Tags(write.Tags, errors);
        string? nationalId = null;
        if (!string.IsNullOrWhiteSpace(write.NationalId) && (nationalId = IranianNationalId.Normalize(write.NationalId)) is null)
            Validation.Add(errors, "nationalId", "Not a valid Iranian national ID (کد ملی): 10 digits with a matching check digit.");
        CustomerRules.Website(write.Website, errors);
        if (write.Birthday is { } birthday && (birthday > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) || birthday.Year < 1900))
            Validation.Add(errors, "birthday", "The birthday must lie between 1900 and today.");
        if (write.CompanyId is { } companyId && !await db.Set<Company>().AnyAsync(c => c.Id == companyId, cancellationToken))
            Validation.Add(errors, "companyId", "No company with this id.");
        var owner = await CustomerRules.OwnerAsync(write.OwnerId ?? contact.OwnerId, db, errors, cancellationToken);
        CustomerRules.ThrowIfAny(errors);

        contact.FirstName = firstName;
        contact.LastName = lastName;
        contact.Emails = emails;
        contact.Phones = phones;
        contact.NationalId = nationalId;
        contact.LifecycleStage = write.LifecycleStage;
        contact.JobTitle = CustomerRules.Trimmed(write.JobTitle);
        contact.CompanyId = write.CompanyId;
        contact.Source = CustomerRules.Trimmed(write.Source);
        contact.Website = CustomerRules.Trimmed(write.Website);
        contact.Birthday = write.Birthday;
        contact.Tags = tags;
        contact.OwnerId = owner;
        contact.Reindex(CustomerRules.SearchText(
            new[] { firstName, lastName, contact.JobTitle, nationalId }
                .Concat(emails.Select(e => e.Value))
                .Concat(phones.SelectMany(p => ContactPointInput.PhoneSearchForms(p.Value)))
                .Concat(tags)));
    }
}
