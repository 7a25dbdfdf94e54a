using Peyvand.Customers.Domain;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Notifications;

namespace Peyvand.Tests.Infrastructure;

/// <summary>A tenant made for one test, with intent methods to act in it.</summary>
public sealed class TestTenant(PeyvandAppFactory app, Guid id, string slug, string adminEmail, Guid adminUserId)
{
    /// <summary>The collections that have routes by id, in the order their records can be created.</summary>
    public static readonly IReadOnlyList<string> Collections = ["roles", "users", "teams", "api-keys", "customer-categories", "custom-fields", "companies", "contacts", "activities", "saved-views"];

    public Guid Id { get; } = id;
    public string Slug { get; } = slug;
    public string AdminEmail { get; } = adminEmail;
    public Guid AdminUserId { get; } = adminUserId;
    public HttpClient Admin { get; internal set; } = null!;

    public async Task<HttpClient> ClientForUserAsync(Guid userId) => app.ApiClient(await app.IssueKeyAsync(Id, userId));

    public Task<Guid> RoleIdAsync(string roleKey) =>
        app.InTenantAsync(Id, async db => (await db.Set<Role>().SingleAsync(r => r.BuiltInKey == roleKey)).Id);

    /// <summary>Creates a user holding the built-in role <paramref name="roleKey"/> and returns an API client acting as them.</summary>
    public async Task<(Guid UserId, HttpClient Client)> UserWithRoleAsync(string roleKey) =>
        await UserWithRoleIdAsync(await RoleIdAsync(roleKey), roleKey);

    /// <summary>Creates a user holding the role <paramref name="roleId"/> (built-in or custom) and returns an API client acting as them.</summary>
    public async Task<(Guid UserId, HttpClient Client)> UserWithRoleIdAsync(Guid roleId, string displayName = "Tester")
    {
        var userId = await CreateAsync("users", new
        {
            email = $"user-{Guid.NewGuid():N}@example.com",
            displayName,
            roleIds = new[] { roleId },
            password = PeyvandAppFactory.AdminPassword,
        });
        return (userId, await ClientForUserAsync(userId));
    }

    /// <summary>Creates a record as the administrator (expecting 201) and returns its id.</summary>
    public async Task<Guid> CreateAsync(string collection, object body)
    {
        var response = await Admin.PostAsJsonAsync($"/api/v1/{collection}", body);
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A valid create body for <paramref name="collection"/>, referring to <paramref name="existing"/> records where it needs others.</summary>
    public static JsonObject NewRecordBody(string collection, IReadOnlyDictionary<string, Guid> existing) => collection switch
    {
        "roles" => new JsonObject { ["name"] = $"Role {Guid.NewGuid():N}"[..13] },
        "users" => new JsonObject
        {
            ["email"] = $"user-{Guid.NewGuid():N}@example.com",
            ["displayName"] = "Someone",
            ["roleIds"] = new JsonArray(existing["roles"].ToString()),
            ["password"] = PeyvandAppFactory.AdminPassword,
        },
        "teams" => new JsonObject { ["name"] = $"Team {Guid.NewGuid():N}"[..13], ["memberIds"] = new JsonArray(existing["users"].ToString()) },
        "api-keys" => new JsonObject { ["name"] = "A key" },
        "customer-categories" => new JsonObject { ["nameFa"] = "نمایندگی", ["nameEn"] = "Reseller", ["sortOrder"] = 60 },
        "companies" => new JsonObject { ["name"] = "شرکت نمونه", ["categoryId"] = existing["customer-categories"].ToString() },
        "custom-fields" => new JsonObject
        {
            ["entity"] = "contacts",
            ["key"] = $"f{Guid.NewGuid():N}"[..12],
            ["type"] = "text",
            ["labelFa"] = "یادداشت",
            ["labelEn"] = "Note",
        },
        "contacts" => new JsonObject
        {
            ["firstName"] = "Secret",
            ["lastName"] = "Contact",
            ["companyId"] = existing["companies"].ToString(),
            ["emails"] = new JsonArray(new JsonObject { ["value"] = $"c-{Guid.NewGuid():N}@example.com" }),
        },
        "activities" => new JsonObject
        {
            ["kind"] = "task",
            ["subject"] = "Call back about the quote",
            ["contactIds"] = new JsonArray(existing["contacts"].ToString()),
        },
        "saved-views" => new JsonObject
        {
            ["name"] = "شرکت‌های تهران",
            ["entity"] = "contacts",
            ["filters"] = new JsonObject { ["tag"] = "vip" },
            ["columns"] = new JsonArray("name", "email"),
        },
        // Notifications are made by the app, not posted; their routes are actions without a body.
        "notifications" => [],
        _ => throw new ArgumentException(
            $"Add a '{collection}' body to {nameof(TestTenant)}.{nameof(NewRecordBody)} so the platform tests cover it.", nameof(collection)),
    };

    /// <summary>One record of every resource that has routes by id; the key is the route's collection.</summary>
    public async Task<Dictionary<string, Guid>> CreateOneOfEachAsync()
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var collection in Collections)
            ids[collection] = await CreateAsync(collection, NewRecordBody(collection, ids));
        ids["notifications"] = await app.InTenantAsync(Id, async db =>
        {
            var notification = new Notification { RecipientId = AdminUserId, Kind = "test", Title = "Hello", CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime };
            db.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        });
        return ids;
    }

    /// <summary>
    /// What the tenant has stored: audit entries, and per table the rows (deleted included) and the sum of their versions,
    /// so any insert, update or delete shows as a difference.
    /// </summary>
    public Task<string> SnapshotAsync() => app.InTenantAsync(Id, async db =>
    {
        var tenantVersion = await db.Set<Tenant>().Where(t => t.Id == Id).Select(t => t.Version).SingleAsync();
        return string.Join("; ",
            $"audit entries: {await db.AuditEntries.CountAsync()}",
            $"tenant version: {tenantVersion}",
            await DescribeAsync(db.Set<Role>(), "roles"),
            await DescribeAsync(db.Set<AppUser>(), "users"),
            await DescribeAsync(db.Set<Team>(), "teams"),
            await DescribeAsync(db.Set<ApiKey>(), "api-keys"),
            await DescribeAsync(db.Set<CustomerCategory>(), "customer-categories"),
            $"contact-companies: {await db.Set<ContactCompany>().CountAsync()}",
            await DescribeAsync(db.Set<CustomFieldDefinition>(), "custom-fields"),
            $"unique custom values: {await db.Set<CustomFieldUniqueValue>().CountAsync()}",
            await DescribeAsync(db.Set<Company>(), "companies"),
            await DescribeAsync(db.Set<Contact>(), "contacts"),
            await DescribeAsync(db.Set<Activity>(), "activities"),
            await DescribeAsync(db.Set<SavedView>(), "saved-views"),
            $"notifications: {await db.Set<Notification>().CountAsync()} rows, {await db.Set<Notification>().CountAsync(n => n.ReadAt != null)} read");
    });

    public Task<int> CountAsync<T>()
        where T : class, ITracked =>
        app.InTenantAsync(Id, db => db.Set<T>().IgnoreQueryFilters([PeyvandDbContext.SoftDeleteFilter]).CountAsync());

    /// <summary>Makes a key's expiry lie in the past, as time would.</summary>
    public Task ExpireKeyAsync(Guid keyId) => app.InTenantAsync(Id, async db =>
    {
        var key = await db.Set<ApiKey>().SingleAsync(k => k.Id == keyId);
        key.ExpiresAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
        return await db.SaveChangesAsync();
    });

    /// <summary>The audit entries of one record through the API, newest first.</summary>
    public async Task<List<JsonElement>> AuditOfAsync(string entityType, Guid entityId)
    {
        var response = await Admin.GetAsync($"/api/v1/audit?entityType={entityType}&entityId={entityId}");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray()];
    }

    private static async Task<string> DescribeAsync<T>(IQueryable<T> set, string name)
        where T : class, ITracked
    {
        var rows = set.IgnoreQueryFilters([PeyvandDbContext.SoftDeleteFilter]);
        return $"{name}: {await rows.CountAsync()} rows, versions {await rows.SumAsync(r => r.Version)}";
    }
}
