using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Tests.Identity;

/// <summary>The sign-in pages lean on UserManager and SignInManager; these are the behaviours they need, on both databases.</summary>
public abstract class UserManagerTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task AccessFailed_FiveTimes_LocksTheUserOut()
    {
        var tenant = await app.CreateTenantAsync();
        await using var scope = OwnerScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(tenant.AdminUserId.ToString()))!;

        for (var i = 0; i < 5; i++)
            Assert.True((await users.AccessFailedAsync(user)).Succeeded);

        Assert.True(await users.IsLockedOutAsync(user));
    }

    [Fact]
    public async Task Updates_SaveOnlyWhatChanged_AndBumpTheVersion()
    {
        var tenant = await app.CreateTenantAsync();
        int before;
        await using (var scope = OwnerScope(tenant))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(tenant.AdminUserId.ToString()))!;
            before = user.Version;
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }

        var saved = await app.InTenantAsync(tenant.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Set<AppUser>(), u => u.Id == tenant.AdminUserId));
        Assert.True(saved.TwoFactorEnabled);
        Assert.Equal(tenant.Id, saved.TenantId);
        Assert.True(saved.Version > before);
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn()
    {
        var tenant = await app.CreateTenantAsync();
        await using var scope = OwnerScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = (await users.FindByIdAsync(tenant.AdminUserId.ToString()))!;
        Assert.True(await signIn.CanSignInAsync(user));

        user.IsDisabled = true;
        Assert.False(await signIn.CanSignInAsync(user));
    }

    [Fact]
    public async Task NewUsers_HaveLockoutEnabled()
    {
        var tenant = await app.CreateTenantAsync();
        var (userId, _) = await tenant.UserWithRoleAsync("sales-rep");
        var user = await app.InTenantAsync(tenant.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Set<AppUser>(), u => u.Id == userId));
        Assert.True(user.LockoutEnabled);
    }

    // As on the sign-in pages: the account's owner acts, with no permissions.
    private AsyncServiceScope OwnerScope(TestTenant tenant)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn(tenant.Id, tenant.AdminUserId, PermissionSet.Empty, []);
        return scope;
    }
}

public sealed class UserManagerTestsSqlite(SqliteApp app) : UserManagerTests(app);

public sealed class UserManagerTestsPostgres(PostgresApp app) : UserManagerTests(app);
