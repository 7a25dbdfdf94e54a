using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;

namespace Peyvand.Identity.Data;

internal sealed class IdentityModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(b =>
        {
            b.ToTable("Tenants");
            b.Property(t => t.Name).HasMaxLength(Tenant.MaxNameLength);
            b.Property(t => t.Slug).HasMaxLength(Tenant.MaxSlugLength);
            b.Property(t => t.DefaultLanguage).HasMaxLength(10);
            b.Property(t => t.DefaultCalendar).HasMaxLength(20);
            b.Property(t => t.DefaultCurrency).HasMaxLength(3);
            b.Property(t => t.TimeZone).HasMaxLength(64);
            b.Property(t => t.RialDisplay).HasMaxLength(10);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => t.Slug).IsUnique();
        });

        modelBuilder.Entity<TenantLogo>(b =>
        {
            b.ToTable("TenantLogos");
            b.Property(l => l.ContentType).HasMaxLength(32);
            b.HasIndex(l => l.TenantId);
        });

        modelBuilder.Entity<AppUser>(b =>
        {
            b.ToTable("Users");
            b.AllowsLookupBeforeTenant();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.DisplayName).HasMaxLength(AppUser.MaxDisplayNameLength);
            b.Property(u => u.PhoneNumber).HasMaxLength(32);
            b.Property(u => u.Language).HasMaxLength(10);
            b.Property(u => u.Calendar).HasMaxLength(20);
            b.Property(u => u.TimeZone).HasMaxLength(64);
            b.Property(u => u.Theme).HasMaxLength(10);
            b.Property(u => u.PasswordHash).HasMaxLength(512).NotAudited();
            b.Property(u => u.SecurityStamp).HasMaxLength(64).NotAudited();
            b.Property(u => u.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken().NotAudited();
            b.Property(u => u.AccessFailedCount).NotAudited();
            b.Property(u => u.LockoutEnd).NotAudited();
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail).IsUnique();
            b.HasIndex(u => new { u.TenantId, u.DisplayName });
        });

        modelBuilder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("UserClaims");
            b.Property(c => c.ClaimType).HasMaxLength(256);
            b.Property(c => c.ClaimValue).HasMaxLength(1024);
            b.HasIndex(c => c.UserId);
        });
        modelBuilder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("UserLogins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
            b.HasIndex(l => l.UserId);
        });
        modelBuilder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("UserTokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });

        modelBuilder.Entity<Team>(b =>
        {
            b.ToTable("Teams");
            b.Property(t => t.Name).HasMaxLength(Team.MaxNameLength);
            b.Property(t => t.Description).HasMaxLength(2000);
            b.HasIndex(t => new { t.TenantId, t.Name });
        });

        modelBuilder.Entity<Role>(b =>
        {
            b.ToTable("Roles");
            b.Property(r => r.Name).HasMaxLength(Role.MaxNameLength);
            b.Property(r => r.Description).HasMaxLength(2000);
            b.Property(r => r.BuiltInKey).HasMaxLength(50);
            b.Property(r => r.Permissions).HasJsonConversion();
            b.HasIndex(r => new { r.TenantId, r.Name });
        });

        modelBuilder.Entity<SavedView>(b =>
        {
            b.ToTable("SavedViews");
            b.Property(v => v.Name).HasMaxLength(SavedView.MaxNameLength);
            b.Property(v => v.Entity).HasMaxLength(50);
            b.Property(v => v.Filters).HasJsonConversion();
            b.Property(v => v.Q).HasMaxLength(200);
            b.Property(v => v.Sort).HasMaxLength(50);
            b.Property(v => v.Columns).HasJsonConversion();
            b.HasIndex(v => new { v.TenantId, v.OwnerId, v.Entity });
            b.HasIndex(v => new { v.TenantId, v.TeamId, v.Entity });
        });

        modelBuilder.Entity<ApiKey>(b =>
        {
            b.ToTable("ApiKeys");
            b.IsPermissionResource("api-keys");
            b.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength);
            b.Property(k => k.Prefix).HasMaxLength(12);
            b.Property(k => k.Hash).HasMaxLength(64).NotAudited();
            b.Property(k => k.LastUsedAt).NotAudited();
            b.HasIndex(k => k.Hash).IsUnique();
            b.HasIndex(k => new { k.TenantId, k.OwnerId });
        });
    }
}
