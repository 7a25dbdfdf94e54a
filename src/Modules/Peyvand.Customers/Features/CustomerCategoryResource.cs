using System.ComponentModel.DataAnnotations;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Customers.Features;

public sealed record CustomerCategoryWrite(
    [property: Required, MaxLength(CustomerCategory.MaxNameLength)] string NameFa,
    [property: Required, MaxLength(CustomerCategory.MaxNameLength)] string NameEn,
    [property: Range(0, 10_000)] int SortOrder = 0);

public sealed record CustomerCategoryView(Guid Id, string NameFa, string NameEn, int SortOrder, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The admin-editable list of customer categories that contacts and companies point to with <c>categoryId</c>.</summary>
public sealed class CustomerCategoryResource : ResourceDefinition<CustomerCategory, CustomerCategoryWrite, CustomerCategoryView>
{
    public override string Name => CustomersModule.Categories;

    public override IReadOnlyList<SortField<CustomerCategory>> Sorts => field ??=
    [
        SortField.By<CustomerCategory, int>("sortOrder", c => c.SortOrder),
        SortField.By<CustomerCategory, string>("nameEn", c => c.NameEn),
        SortField.By<CustomerCategory, DateTime>("createdAt", c => c.CreatedAt),
    ];

    public override CustomerCategoryView ToView(CustomerCategory c) => new(c.Id, c.NameFa, c.NameEn, c.SortOrder, c.CreatedAt, c.UpdatedAt);

    public override CustomerCategoryWrite ToWrite(CustomerCategory c) => new(c.NameFa, c.NameEn, c.SortOrder);

    public override Task UpdateAsync(CustomerCategory category, CustomerCategoryWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var fa = CustomerRules.Trimmed(write.NameFa);
        var en = CustomerRules.Trimmed(write.NameEn);
        if (fa is null)
            Validation.Add(errors, "nameFa", CustomerText.GiveNameFa);
        if (en is null)
            Validation.Add(errors, "nameEn", CustomerText.GiveNameEn);
        CustomerRules.ThrowIfAny(errors);
        category.NameFa = fa!;
        category.NameEn = en!;
        category.SortOrder = write.SortOrder;
        return Task.CompletedTask;
    }
}

/// <summary>Every new organisation starts with five categories, in Persian and English.</summary>
public sealed class CustomerCategorySeeder : ITenantSeeder
{
    public static IReadOnlyList<(string Fa, string En)> Defaults { get; } =
    [
        ("مصرف‌کننده", "Consumer"),
        ("کسب‌وکار کوچک", "Small business"),
        ("سازمان بزرگ", "Enterprise"),
        ("دولتی", "Government"),
        ("آموزشی", "Education"),
    ];

    public async Task SeedAsync(PeyvandDbContext db, CancellationToken cancellationToken)
    {
        db.AddRange(Defaults.Select((d, i) => new CustomerCategory { NameFa = d.Fa, NameEn = d.En, SortOrder = (i + 1) * 10 }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
