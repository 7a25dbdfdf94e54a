using System.Net;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;

namespace Peyvand.Tests.Platform;

/// <summary>Every change leaves a field-level audit entry; deletes are soft and can be undone.</summary>
public abstract class AuditAndSoftDeleteTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task A_teams_history_lists_create_update_delete_and_restore_newest_first_with_the_actor()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/teams", new { name = "Audited", description = "Stays the same" });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var url = created.Headers.Location!.ToString();
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var patched = await tenant.Admin.PatchJsonAsync(url, new { name = "Renamed" }, created.ETag());
        await patched.ShouldHaveAsync(HttpStatusCode.OK);
        await (await tenant.Admin.DeleteAsync(url, patched.ETag())).ShouldHaveAsync(HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsync($"{url}/restore", null)).ShouldHaveAsync(HttpStatusCode.OK);

        var history = await tenant.AuditOfAsync("Team", id);

        Assert.Equal(["restore", "delete", "update", "create"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.All(history, e => Assert.Equal(tenant.AdminUserId, e.GetProperty("userId").GetGuid()));
        var update = history[2].GetProperty("changes");
        Assert.Equal(["name"], update.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Audited", update.GetProperty("name").GetProperty("before").GetString());
        Assert.Equal("Renamed", update.GetProperty("name").GetProperty("after").GetString());
        Assert.Equal("Audited", history[3].GetProperty("changes").GetProperty("name").GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_deleted_team_is_gone_from_reads_and_lists_until_it_is_restored()
    {
        var tenant = await app.CreateTenantAsync();
        var id = await tenant.CreateAsync("teams", new { name = "Temporary" });
        var url = $"/api/v1/teams/{id}";

        await (await tenant.Admin.DeleteAsync(url)).ShouldHaveAsync(HttpStatusCode.NoContent);

        await (await tenant.Admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, await tenant.Admin.ListAllIdsAsync("/api/v1/teams", limit: 50));

        var restored = await tenant.Admin.PostAsync($"{url}/restore", null);

        await restored.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("Temporary", (await restored.JsonAsync()).GetProperty("name").GetString());
        await (await tenant.Admin.GetAsync(url)).ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Contains(id, await tenant.Admin.ListAllIdsAsync("/api/v1/teams", limit: 50));
    }

    [Fact]
    public async Task Password_hashes_and_security_stamps_never_appear_in_the_audit_log()
    {
        var tenant = await app.CreateTenantAsync();
        var (userId, _) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        const string newPassword = "another-long-passphrase-7";
        await (await tenant.Admin.PatchJsonAsync($"/api/v1/users/{userId}", new { displayName = "Renamed", password = newPassword }))
            .ShouldHaveAsync(HttpStatusCode.OK);
        var secrets = await app.InTenantAsync(tenant.Id, db =>
            db.Set<AppUser>().Where(u => u.Id == userId).Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync());

        var history = await tenant.AuditOfAsync("AppUser", userId);

        Assert.Equal(["update", "create"], history.Select(e => e.GetProperty("action").GetString()));
        var text = string.Join("\n", history.Select(e => e.GetRawText()));
        foreach (var forbidden in new[] { "passwordHash", "securityStamp", "concurrencyStamp", secrets.PasswordHash!, secrets.SecurityStamp!, newPassword })
            Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reading_the_audit_log_needs_the_audit_permission()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);

        await (await rep.GetAsync("/api/v1/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Admin.GetAsync("/api/v1/audit")).ShouldHaveAsync(HttpStatusCode.OK);
    }
}

public sealed class AuditAndSoftDeleteTestsSqlite(SqliteApp app) : AuditAndSoftDeleteTests(app);

public sealed class AuditAndSoftDeleteTestsPostgres(PostgresApp app) : AuditAndSoftDeleteTests(app);
