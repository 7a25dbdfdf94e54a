using System.Net;
using Peyvand.Identity.Domain;

namespace Peyvand.Tests.Identity;

/// <summary>The role matrix decides what each caller may do, on every request, and API keys only work while they should.</summary>
public abstract class PermissionsTests(PeyvandAppFactory app)
{
    private const string ResourceEndpointsMediaType = "application/merge-patch+json";
    private static readonly string[] AdministrationCollections = ["users", "teams", "roles"];

    [Fact]
    public async Task A_read_only_user_can_read_users_but_not_change_users_teams_or_roles()
    {
        var tenant = await app.CreateTenantAsync();
        var ids = await tenant.CreateOneOfEachAsync();
        var (_, reader) = await tenant.UserWithRoleAsync(BuiltInRoles.ReadOnly);
        var before = await tenant.SnapshotAsync();

        foreach (var collection in AdministrationCollections)
        {
            var url = $"/api/v1/{collection}/{ids[collection]}";
            await (await reader.PostAsJsonAsync($"/api/v1/{collection}", TestTenant.NewRecordBody(collection, ids)))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await reader.PatchJsonAsync(url, new { name = "Changed" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await reader.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(before, await tenant.SnapshotAsync());
        await (await reader.GetAsync("/api/v1/users")).ShouldHaveAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sales_rep_cannot_create_users()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        var roleId = await tenant.RoleIdAsync(BuiltInRoles.Administrator);

        var response = await rep.PostAsJsonAsync("/api/v1/users", TestTenant.NewRecordBody("users", new Dictionary<string, Guid> { ["roles"] = roleId }));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_a_custom_roles_matrix_changes_what_its_holders_may_do_on_their_next_request()
    {
        var tenant = await app.CreateTenantAsync();
        var roleId = await tenant.CreateAsync("roles", new { name = "Team keeper", permissions = new { teams = new { read = "all" } } });
        var (_, keeper) = await tenant.UserWithRoleIdAsync(roleId);
        await (await keeper.PostAsJsonAsync("/api/v1/teams", new { name = "Not yet" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await tenant.Admin.PatchJsonAsync($"/api/v1/roles/{roleId}", new { permissions = new { teams = new { create = "all" } } }))
            .ShouldHaveAsync(HttpStatusCode.OK);

        await (await keeper.PostAsJsonAsync("/api/v1/teams", new { name = "Now allowed" })).ShouldHaveAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_Administrator_role_can_be_neither_reduced_nor_deleted()
    {
        var tenant = await app.CreateTenantAsync();
        var url = $"/api/v1/roles/{await tenant.RoleIdAsync(BuiltInRoles.Administrator)}";

        var reductions = new[]
        {
            """{"permissions":{"users":{"delete":"none"}}}""",
            """{"permissions":{"users":null}}""",
            """{"permissions":null}""",
        };
        var before = await tenant.SnapshotAsync();

        foreach (var patch in reductions)
        {
            await (await tenant.Admin.SendRawAsync("PATCH", url, patch, ResourceEndpointsMediaType))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }
        await (await tenant.Admin.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await tenant.SnapshotAsync());
        await (await tenant.Admin.DeleteAsync($"/api/v1/users/{(await tenant.UserWithRoleAsync(BuiltInRoles.ReadOnly)).UserId}"))
            .ShouldHaveAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_administrator_cannot_take_the_Administrator_role_from_themselves()
    {
        var tenant = await app.CreateTenantAsync();
        var readOnly = await tenant.RoleIdAsync(BuiltInRoles.ReadOnly);

        await (await tenant.Admin.PatchJsonAsync($"/api/v1/users/{tenant.AdminUserId}", new { roleIds = new[] { readOnly } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        await (await tenant.Admin.GetAsync("/api/v1/roles")).ShouldHaveAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_user_manager_can_give_roles_only_within_their_own_rights()
    {
        var tenant = await app.CreateTenantAsync();
        var managerRole = await tenant.CreateAsync("roles", new
        {
            name = "User manager",
            permissions = new
            {
                users = new { read = "all", create = "all", update = "all" },
                teams = new { read = "all" },
                roles = new { read = "all" },
            },
        });
        var readerRole = await tenant.CreateAsync("roles", new { name = "Team reader", permissions = new { teams = new { read = "all" } } });
        var adminRole = await tenant.RoleIdAsync(BuiltInRoles.Administrator);
        var (managerId, manager) = await tenant.UserWithRoleIdAsync(managerRole);

        var escalation = await manager.PostAsJsonAsync("/api/v1/users", TestTenant.NewRecordBody("users", new Dictionary<string, Guid> { ["roles"] = adminRole }));
        await escalation.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var selfPromotion = await manager.PatchJsonAsync($"/api/v1/users/{managerId}", new { roleIds = new[] { managerRole, adminRole } });
        await selfPromotion.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var allowed = await manager.PostAsJsonAsync("/api/v1/users", TestTenant.NewRecordBody("users", new Dictionary<string, Guid> { ["roles"] = readerRole }));
        await allowed.ShouldHaveAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_role_held_by_a_user_cannot_be_deleted()
    {
        var tenant = await app.CreateTenantAsync();
        var roleId = await tenant.CreateAsync("roles", new { name = "In use" });
        await tenant.UserWithRoleIdAsync(roleId);

        await (await tenant.Admin.DeleteAsync($"/api/v1/roles/{roleId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_sales_rep_sees_only_their_own_api_keys_while_an_admin_sees_all()
    {
        var tenant = await app.CreateTenantAsync();
        var (repId, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        var (adminKeyId, _) = await IssueKeyAsync(tenant.Admin);

        var repKeys = await rep.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/api-keys");
        var adminKeys = await tenant.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/api-keys");

        var repOwners = repKeys.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("userId").GetGuid()).ToList();
        Assert.NotEmpty(repOwners);
        Assert.All(repOwners, owner => Assert.Equal(repId, owner));
        var adminOwners = adminKeys.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("userId").GetGuid()).ToList();
        Assert.Contains(repId, adminOwners);
        Assert.Contains(tenant.AdminUserId, adminOwners);
        await (await rep.GetAsync($"/api/v1/api-keys/{adminKeyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_its_next_call()
    {
        var tenant = await app.CreateTenantAsync();
        var (keyId, key) = await IssueKeyAsync(tenant.Admin);
        using var client = app.ApiClient(key);
        await (await client.GetAsync("/api/v1/me")).ShouldHaveAsync(HttpStatusCode.OK);

        await (await tenant.Admin.DeleteAsync($"/api/v1/api-keys/{keyId}")).ShouldHaveAsync(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var (keyId, key) = await IssueKeyAsync(tenant.Admin, expiresAt: TimeProvider.System.GetUtcNow().AddHours(1));
        using var client = app.ApiClient(key);
        await (await client.GetAsync("/api/v1/me")).ShouldHaveAsync(HttpStatusCode.OK);

        await tenant.ExpireKeyAsync(keyId);

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_users_key_is_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var (userId, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        await (await rep.GetAsync("/api/v1/me")).ShouldHaveAsync(HttpStatusCode.OK);

        await (await tenant.Admin.PatchJsonAsync($"/api/v1/users/{userId}", new { isDisabled = true })).ShouldHaveAsync(HttpStatusCode.OK);

        await (await rep.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_cookie_opens_pages_but_no_API_route()
    {
        // API routes take bearer keys only: a cookie a browser sends along on its own must not act (no CSRF on the API).
        var tenant = await app.CreateTenantAsync();
        var (browser, _) = await app.SignInThroughFormAsync(tenant.AdminEmail);
        using (browser)
        {
            await (await browser.GetAsync("/contacts")).ShouldHaveAsync(HttpStatusCode.OK);
            var before = await tenant.SnapshotAsync();

            await (await browser.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            await (await browser.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Cookie" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

            Assert.Equal(before, await tenant.SnapshotAsync());
        }
    }

    [Fact]
    public async Task Me_shows_the_callers_effective_permissions()
    {
        var tenant = await app.CreateTenantAsync();
        var (userId, reader) = await tenant.UserWithRoleAsync(BuiltInRoles.ReadOnly);

        var me = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");

        Assert.Equal(userId, me.GetProperty("user").GetProperty("id").GetGuid());
        var permissions = me.GetProperty("permissions");
        Assert.Equal("all", permissions.GetProperty("users.read").GetString());
        Assert.Equal("none", permissions.GetProperty("users.create").GetString());
        Assert.Equal("none", permissions.GetProperty("audit.read").GetString());
    }

    private static async Task<(Guid Id, string Key)> IssueKeyAsync(HttpClient client, DateTimeOffset? expiresAt = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Script", expiresAt });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }
}

public sealed class PermissionsTestsSqlite(SqliteApp app) : PermissionsTests(app);

public sealed class PermissionsTestsPostgres(PostgresApp app) : PermissionsTests(app);
