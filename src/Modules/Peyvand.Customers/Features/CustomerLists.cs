using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Lists;
using PhoneNumbers;

namespace Peyvand.Customers.Features;

/// <summary>The columns of the contact list: the table, its column chooser and the export all read these.</summary>
public sealed class ContactColumns : ColumnCatalog<ContactView>
{
    public override string Entity => CustomersModule.Contacts;

    public override IReadOnlyList<ListColumn<ContactView>> Fixed { get; } =
    [
        new("name", "Name", "نام", (c, _) => c.FullName, Default: true),
        new("firstName", "First name", "نام کوچک", (c, _) => c.FirstName),
        new("lastName", "Last name", "نام خانوادگی", (c, _) => c.LastName),
        new("email", "Email", "ایمیل", (c, _) => c.Emails.FirstOrDefault(e => e.Primary)?.Value, Default: true),
        new("phone", "Phone", "تلفن", (c, x) => x.Digits(CustomerLists.Phone(c.Phones.FirstOrDefault(p => p.Primary)?.Value)), Default: true),
        new("company", "Company", "شرکت", (c, x) => x.Name(c.CompanyId), Default: true),
        new("lifecycleStage", "Stage", "مرحله", (c, x) => CustomerLists.Stage(c.LifecycleStage, x.Language), Default: true),
        new("owner", "Owner", "مسئول", (c, x) => x.Name(c.OwnerId), Default: true),
        new("jobTitle", "Job title", "سمت", (c, _) => c.JobTitle),
        new("nationalId", "National ID", "کد ملی", (c, x) => x.Digits(c.NationalId)),
        new("source", "Source", "منبع", (c, _) => c.Source),
        new("website", "Website", "وب‌سایت", (c, _) => c.Website),
        new("birthday", "Birthday", "تاریخ تولد", (c, x) => x.Date(c.Birthday)),
        new("tags", "Tags", "برچسب‌ها", (c, _) => string.Join(", ", c.Tags)),
        new("createdAt", "Created", "ایجاد", (c, x) => x.Date(c.CreatedAt)),
        new("updatedAt", "Updated", "به‌روزرسانی", (c, x) => x.Date(c.UpdatedAt)),
    ];

    public override Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyList<ContactView> rows, PeyvandDbContext db, CancellationToken cancellationToken) =>
        CustomerLists.NamesAsync(rows.Select(r => r.OwnerId), rows.Select(r => r.CompanyId), db, cancellationToken);
}

public sealed class CompanyColumns : ColumnCatalog<CompanyView>
{
    public override string Entity => CustomersModule.Companies;

    public override IReadOnlyList<ListColumn<CompanyView>> Fixed { get; } =
    [
        new("name", "Name", "نام", (c, _) => c.Name, Default: true),
        new("legalName", "Legal name", "نام ثبتی", (c, _) => c.LegalName),
        new("industry", "Industry", "صنعت", (c, _) => c.Industry, Default: true),
        new("size", "Size", "اندازه", (c, x) => c.Size is { } s ? x.Digits(QueryEnum.Name(s)) : "", Default: true),
        new("phone", "Phone", "تلفن", (c, x) => x.Digits(CustomerLists.Phone(c.Phones.FirstOrDefault(p => p.Primary)?.Value)), Default: true),
        new("owner", "Owner", "مسئول", (c, x) => x.Name(c.OwnerId), Default: true),
        new("parentCompany", "Parent company", "شرکت مادر", (c, x) => x.Name(c.ParentCompanyId)),
        new("nationalId", "National ID", "شناسه ملی", (c, x) => x.Digits(c.NationalId)),
        new("economicCode", "Economic code", "کد اقتصادی", (c, x) => x.Digits(c.EconomicCode)),
        new("website", "Website", "وب‌سایت", (c, _) => c.Website),
        new("tags", "Tags", "برچسب‌ها", (c, _) => string.Join(", ", c.Tags)),
        new("createdAt", "Created", "ایجاد", (c, x) => x.Date(c.CreatedAt)),
        new("updatedAt", "Updated", "به‌روزرسانی", (c, x) => x.Date(c.UpdatedAt)),
    ];

    public override Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyList<CompanyView> rows, PeyvandDbContext db, CancellationToken cancellationToken) =>
        CustomerLists.NamesAsync(rows.Select(r => r.OwnerId), rows.Select(r => r.ParentCompanyId), db, cancellationToken);
}

/// <summary>What the contact and company lists share: names of owners and companies, display forms, and bulk changes.</summary>
public static class CustomerLists
{
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();

    private static readonly Dictionary<LifecycleStage, (string En, string Fa)> StageNames = new()
    {
        [LifecycleStage.Subscriber] = ("Subscriber", "مشترک"),
        [LifecycleStage.Lead] = ("Lead", "سرنخ"),
        [LifecycleStage.MarketingQualifiedLead] = ("Marketing qualified lead", "سرنخ واجد شرایط بازاریابی"),
        [LifecycleStage.SalesQualifiedLead] = ("Sales qualified lead", "سرنخ واجد شرایط فروش"),
        [LifecycleStage.Opportunity] = ("Opportunity", "فرصت"),
        [LifecycleStage.Customer] = ("Customer", "مشتری"),
        [LifecycleStage.Evangelist] = ("Evangelist", "مبلغ"),
        [LifecycleStage.Churned] = ("Churned", "ازدست‌رفته"),
    };

    public static string Stage(LifecycleStage stage, string language) =>
        language == "fa" ? StageNames[stage].Fa : StageNames[stage].En;

    /// <summary>An E.164 number as people read it: "+98 912 123 4567".</summary>
    public static string? Phone(string? e164)
    {
        if (e164 is null)
            return null;
        try
        {
            return PhoneUtil.Format(PhoneUtil.Parse(e164, "IR"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>Owners' display names and the names of the companies the caller may see.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(
        IEnumerable<Guid?> ownerIds, IEnumerable<Guid?> companyIds, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var owners = ownerIds.OfType<Guid>().Distinct().ToList();
        var companies = companyIds.OfType<Guid>().Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        if (owners.Count > 0)
        {
            foreach (var u in await db.Set<AppUser>().AsNoTracking().Where(u => owners.Contains(u.Id))
                         .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                names[u.Id] = u.DisplayName;
        }
        if (companies.Count > 0)
        {
            foreach (var c in await db.Set<Company>().AsNoTracking().Where(c => companies.Contains(c.Id))
                         .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
                names[c.Id] = c.Name;
        }
        return names;
    }

    /// <summary>
    /// Sorts by the owner's display name and by the category's place in the tenant's order (records without either
    /// first). The database reads both for every row (a correlated lookup, so keyset paging stays exact); a rename
    /// between two pages may move records across the page boundary, as any edit of a sort key does.
    /// </summary>
    public static IEnumerable<SortField<T>> ReferenceSorts<T>(
        PeyvandDbContext db, Expression<Func<T, Guid?>> owner, Expression<Func<T, Guid?>> category)
    {
        var row = owner.Parameters[0];
        Expression<Func<Guid?, string>> ownerName = id => db.Set<AppUser>().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefault() ?? "";
        Expression<Func<Guid?, int>> categoryOrder = id => db.Set<CustomerCategory>().Where(k => k.Id == id).Select(k => (int?)k.SortOrder).FirstOrDefault() ?? -1;
        yield return new SortField<T>("owner", Expression.Lambda<Func<T, string>>(Inline(ownerName, owner.Body), row), ComputedByDatabase: true);
        yield return new SortField<T>("category", Expression.Lambda<Func<T, int>>(Inline(categoryOrder, Replace(category.Body, category.Parameters[0], row)), row), ComputedByDatabase: true);
    }

    private static Expression Inline<TIn, TOut>(Expression<Func<TIn, TOut>> lambda, Expression argument) =>
        Replace(lambda.Body, lambda.Parameters[0], argument);

    private static Expression Replace(Expression body, ParameterExpression parameter, Expression with) =>
        new ParameterReplacer(parameter, with).Visit(body);

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : node;
    }

    public static string RequiredTag(string? value)
    {
        var tag = value?.Trim() ?? "";
        if (tag.Length is 0 or > 50)
            throw new InvalidInputException("value", CustomerText.Tag);
        return tag;
    }

    public static Guid RequiredOwner(string? value) =>
        Guid.TryParse(value, out var owner) ? owner : throw new InvalidInputException("value", CustomerText.GiveOwner);

    public static List<string> WithTag(IReadOnlyList<string>? tags, string tag) =>
        tags?.Contains(tag, StringComparer.OrdinalIgnoreCase) == true ? [.. tags] : [.. tags ?? [], tag];

    public static List<string> WithoutTag(IReadOnlyList<string>? tags, string tag) =>
        tags?.Where(t => !string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];

    /// <summary>The bulk changes every owned, tagged customer record has: assign owner, add tag, remove tag.</summary>
    public static Dictionary<string, Func<string?, Func<TWrite, TWrite>>> OwnerAndTagChanges<TWrite>(
        Func<TWrite, Guid, TWrite> withOwner, Func<TWrite, IReadOnlyList<string>?> tagsOf, Func<TWrite, List<string>, TWrite> withTags) =>
        new()
        {
            ["assignOwner"] = value =>
            {
                var owner = RequiredOwner(value);
                return w => withOwner(w, owner);
            },
            ["addTag"] = value =>
            {
                var tag = RequiredTag(value);
                return w => withTags(w, WithTag(tagsOf(w), tag));
            },
            ["removeTag"] = value =>
            {
                var tag = RequiredTag(value);
                return w => withTags(w, WithoutTag(tagsOf(w), tag));
            },
        };
}
