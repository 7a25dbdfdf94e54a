using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.Kernel.Data;

namespace Peyvand.Customers.Data;

internal sealed class CustomersModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Contact>(b =>
        {
            b.ToTable("Contacts");
            b.IsPermissionResource(CustomersModule.Contacts);
            b.Ignore(c => c.FullName);
            b.Property(c => c.FirstName).HasMaxLength(Contact.MaxNameLength);
            b.Property(c => c.LastName).HasMaxLength(Contact.MaxNameLength);
            b.Property(c => c.Emails).HasJsonConversion();
            b.Property(c => c.Phones).HasJsonConversion();
            b.Property(c => c.NationalId).HasMaxLength(10);
            b.Property(c => c.LifecycleStage).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.JobTitle).HasMaxLength(100);
            b.Property(c => c.Source).HasMaxLength(100);
            b.Property(c => c.Website).HasMaxLength(500);
            b.Property(c => c.PrimaryEmail).HasMaxLength(256);
            b.Property(c => c.PrimaryPhone).HasMaxLength(20);
            b.Property(c => c.SearchText).HasMaxLength(4000).IsSearchText();
            b.Property(c => c.CustomFields).IsJsonDocument();
            // Lists page by (sort key, id): an index in exactly that order lets PostgreSQL read the first page straight
            // off it; with (lastName, firstName) it sorted every contact sharing the first surname (thousands at 1 M).
            b.HasIndex(c => new { c.TenantId, c.LastName, c.Id });
            b.HasIndex(c => new { c.TenantId, c.PrimaryEmail });
            b.HasIndex(c => new { c.TenantId, c.PrimaryPhone });
            b.HasIndex(c => new { c.TenantId, c.NationalId });
            b.HasIndex(c => new { c.TenantId, c.OwnerId, c.LastName, c.Id }).OnLiveRows(); // "my contacts" and owner filters, in list order
            b.HasIndex(c => new { c.TenantId, c.DeletedAt }).OnDeletedRows();
            b.HasIndex(c => new { c.TenantId, c.CompanyId });
            // Stage and source filters: without an index a value no one in the organisation has (a stage not used yet,
            // a mistyped source) read every contact (1.7 s at 1 M). The stage one is in list order: "all customers".
            b.HasIndex(c => new { c.TenantId, c.LifecycleStage, c.LastName, c.Id }).OnLiveRows(); // and the count by stage
            b.HasIndex(c => new { c.TenantId, c.Source });
            // "Newest" and "recently updated" lists and created/updated ranges, in list order.
            b.HasIndex(c => new { c.TenantId, c.CreatedAt, c.Id }).OnLiveRows(); // and the home page's counts
            b.HasIndex(c => new { c.TenantId, c.UpdatedAt, c.Id });
            b.Property(c => c.Addresses).HasJsonConversion();
            b.PrimitiveCollection(c => c.AddressKeys).IsFilterKeys();
            b.Property(c => c.SocialProfiles).HasJsonConversion();
            b.Property(c => c.Consent).HasJsonConversion();
            b.Property(c => c.Notes).HasMaxLength(CustomerRules.MaxNotesLength);
            b.HasIndex(c => new { c.TenantId, c.CategoryId });
            b.HasMany(c => c.Companies).WithOne().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ContactCompany>(b =>
        {
            b.ToTable("ContactCompanies");
            b.HasKey(l => new { l.ContactId, l.CompanyId });
            b.Property(l => l.Role).HasMaxLength(ContactCompany.MaxRoleLength);
            b.HasIndex(l => new { l.TenantId, l.CompanyId });
        });

        modelBuilder.Entity<CustomerCategory>(b =>
        {
            b.ToTable("CustomerCategories");
            b.IsPermissionResource(CustomersModule.Categories);
            b.Property(c => c.NameFa).HasMaxLength(CustomerCategory.MaxNameLength);
            b.Property(c => c.NameEn).HasMaxLength(CustomerCategory.MaxNameLength);
            b.HasIndex(c => new { c.TenantId, c.SortOrder });
        });

        modelBuilder.Entity<Company>(b =>
        {
            b.ToTable("Companies");
            b.IsPermissionResource(CustomersModule.Companies);
            b.Property(c => c.Name).HasMaxLength(Company.MaxNameLength);
            b.Property(c => c.LegalName).HasMaxLength(Company.MaxNameLength);
            b.Property(c => c.NationalId).HasMaxLength(11);
            b.Property(c => c.EconomicCode).HasMaxLength(12);
            b.Property(c => c.Industry).HasMaxLength(100);
            b.Property(c => c.Size).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Website).HasMaxLength(500);
            b.Property(c => c.Phones).HasJsonConversion();
            b.Property(c => c.SearchText).HasMaxLength(4000).IsSearchText();
            b.Property(c => c.CustomFields).IsJsonDocument();
            b.HasIndex(c => new { c.TenantId, c.Name, c.Id });
            b.HasIndex(c => new { c.TenantId, c.NationalId });
            b.HasIndex(c => new { c.TenantId, c.OwnerId }).OnLiveRows();
            b.HasIndex(c => new { c.TenantId, c.DeletedAt }).OnDeletedRows();
            b.HasIndex(c => new { c.TenantId, c.ParentCompanyId });
            b.HasIndex(c => new { c.TenantId, c.Industry }); // industry and size filters, as stage and source on contacts
            b.HasIndex(c => new { c.TenantId, c.Size }).OnLiveRows();
            b.HasIndex(c => new { c.TenantId, c.CreatedAt, c.Id }).OnLiveRows();
            b.HasIndex(c => new { c.TenantId, c.UpdatedAt, c.Id });
            b.Property(c => c.Addresses).HasJsonConversion();
            b.PrimitiveCollection(c => c.AddressKeys).IsFilterKeys();
            b.Property(c => c.SocialProfiles).HasJsonConversion();
            b.Property(c => c.Notes).HasMaxLength(CustomerRules.MaxNotesLength);
            b.HasIndex(c => new { c.TenantId, c.CategoryId });
        });

        modelBuilder.Entity<Activity>(b =>
        {
            b.ToTable("Activities");
            b.IsPermissionResource(CustomersModule.Activities);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Subject).HasMaxLength(Activity.MaxSubjectLength);
            b.Property(a => a.Body).HasMaxLength(Activity.MaxBodyLength);
            b.Property(a => a.Priority).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Direction).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Outcome).HasMaxLength(100);
            b.Property(a => a.Location).HasMaxLength(200);
            b.HasMany(a => a.Links).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => new { a.TenantId, a.OwnerId, a.Kind, a.CompletedAt, a.DueAt });
            b.HasIndex(a => new { a.TenantId, a.OccurredAt });
            // The reminder job looks across tenants for reminders due and not sent.
            b.HasIndex(a => new { a.ReminderAt, a.ReminderSentAt });
            b.Property(a => a.ReminderSentAt).NotAudited();
        });

        modelBuilder.Entity<ActivityLink>(b =>
        {
            b.ToTable("ActivityLinks");
            b.HasKey(l => new { l.ActivityId, l.EntityType, l.EntityId });
            b.Property(l => l.EntityType).HasMaxLength(30);
            b.HasIndex(l => new { l.TenantId, l.EntityType, l.EntityId });
        });

        modelBuilder.Entity<CalendarFeed>(b =>
        {
            b.ToTable("CalendarFeeds");
            b.IsPermissionResource(CustomersModule.Activities);
            b.Property(f => f.TokenHash).HasMaxLength(64).NotAudited();
            b.HasIndex(f => f.TokenHash).IsUnique();
            b.HasIndex(f => new { f.TenantId, f.OwnerId });
        });
    }
}
