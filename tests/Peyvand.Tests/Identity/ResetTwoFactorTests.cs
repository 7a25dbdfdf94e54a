using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;

namespace Peyvand.Tests.Identity;

/// <summary>An administrator turns off a user's 2FA (a lost phone); nobody else may, and never across organisations.</summary>
public abstract class ResetTwoFactorTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task ResetTwoFactor_ByAnAdministrator_TurnsItOff_AndSignsTheUserOutEverywhere()
    {
        var tenant = await app.CreateTenantAsync();
        var (userId, _) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        var stamp = await app.InTenantAsync(tenant.Id, async db =>
        {
            var user = await db.Set<AppUser>().SingleAsync(u => u.Id == userId);
            user.TwoFactorEnabled = true;
            await db.SaveChangesAsync();
            return user.SecurityStamp;
        });

        var response = await tenant.Admin.PostAsync($"/api/v1/users/{userId}/reset-two-factor", null);

        await response.ShouldHaveAsync(HttpStatusCode.OK);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(view.GetProperty("twoFactorEnabled").GetBoolean());
        var after = await app.InTenantAsync(tenant.Id, db => db.Set<AppUser>().AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.False(after.TwoFactorEnabled);
        Assert.NotEqual(stamp, after.SecurityStamp);
        Assert.NotEmpty(await tenant.AuditOfAsync("AppUser", userId));
    }

    [Fact]
    public async Task ResetTwoFactor_WithoutUsersUpdateAll_IsForbidden()
    {
        var tenant = await app.CreateTenantAsync();
        var (userId, _) = await tenant.UserWithRoleAsync(BuiltInRoles.ReadOnly);
        var (_, manager) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesManager);

        await (await manager.PostAsync($"/api/v1/users/{userId}/reset-two-factor", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ResetTwoFactor_ForAnotherOrganisationsUser_IsNotFound()
    {
        var ours = await app.CreateTenantAsync();
        var theirs = await app.CreateTenantAsync();

        await (await ours.Admin.PostAsync($"/api/v1/users/{theirs.AdminUserId}/reset-two-factor", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ResetTwoFactorTestsSqlite(SqliteApp app) : ResetTwoFactorTests(app);

public sealed class ResetTwoFactorTestsPostgres(PostgresApp app) : ResetTwoFactorTests(app);
