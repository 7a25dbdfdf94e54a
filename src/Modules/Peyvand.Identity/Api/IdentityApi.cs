using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Identity.Api;

public sealed record PermissionResourceView(string Name, string Module, bool Owned, IReadOnlyList<string> Actions);

public sealed record MeView(UserView User, IReadOnlyDictionary<string, PermissionLevel> Permissions);

public static class IdentityApi
{
    private const string Tag = "Identity";

    public static void Map(IEndpointRouteBuilder api)
    {
        var users = api.MapResource<AppUser, UserWrite, UserView>("users", Tag);
        users.MapPost("/{id:guid}/reset-two-factor", async (Guid id, ResetTwoFactor reset, HttpResponse response, CancellationToken ct) =>
                ResourceEndpoints.Ok(response, await reset.HandleAsync(id, ct)))
            .WithName("ResetUserTwoFactor").WithSummary("Turn a user's two-factor sign-in off and forget their authenticator key")
            .WithStandardProblems(writes: true, byId: true);
        api.MapResource<Team, TeamWrite, TeamView>("teams", Tag);
        api.MapResource<Role, RoleWrite, RoleView>("roles", Tag);

        api.MapResource<SavedView, SavedViewWrite, SavedViewView>(SavedViewResource.Resource, Tag, ResourceRoutes.All & ~ResourceRoutes.List)
            .MapFilteredList<SavedView, SavedViewWrite, SavedViewView, SavedViewFilter>("ListSavedViews", SavedViewResource.Filter,
                "The caller's saved list views and those shared with their teams; filter by entity (contacts, companies, …)");

        var keys = api.MapResource<ApiKey, ApiKeyWrite, ApiKeyView>("api-keys", Tag,
            ResourceRoutes.List | ResourceRoutes.Get | ResourceRoutes.Patch | ResourceRoutes.Delete);
        keys.MapPost("/", CreateApiKeyAsync)
            .WithName("CreateApiKey").WithSummary("Create an API key; the key is in the response once and never again")
            .WithStandardProblems(writes: true);

        api.MapGet("/user-directory", async (string? q, int? limit, UserDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await directory.ListAsync(q, limit, ct)))
            .WithTags(Tag).WithName("ListUserDirectory")
            .WithSummary("Active users' ids and display names, for anyone signed in (to mention or assign a colleague); q filters by name")
            .WithStandardProblems();
        api.MapGet("/permissions", (PermissionCatalog catalog) => TypedResults.Ok(
                catalog.Resources.OrderBy(r => r.Module).ThenBy(r => r.Name)
                    .Select(r => new PermissionResourceView(r.Name, r.Module, r.IsOwned,
                        PermissionCatalog.Actions.Select(a => a.ToString().ToLowerInvariant()).ToList()))
                    .ToList()))
            .WithTags(Tag).WithName("ListPermissionResources").WithSummary("The resources and actions a role's matrix covers")
            .WithStandardProblems();

        api.MapGet("/me", async (ResourceService<AppUser, UserWrite, UserView> users, CurrentUser me, CancellationToken ct) =>
            {
                var self = await ((UserResource)users.Definition).ToViewAsync(me, ct);
                return TypedResults.Ok(new MeView(self, me.Permissions.Levels));
            })
            .WithTags(Tag).WithName("GetMe").WithSummary("The caller: their user record and effective permissions")
            .WithStandardProblems();

        api.MapGet("/audit", async ([AsParameters] AuditQuery query, ReadAudit audit, CancellationToken ct) =>
                TypedResults.Ok(await audit.HandleAsync(query, ct)))
            .WithTags(Tag).WithName("ListAuditEntries").WithSummary("The audit log, newest first; filter by entityType, entityId, userId, from, to")
            .WithStandardProblems();

        api.MapGet("/tenant", async (TenantSettings settings, HttpResponse response, CancellationToken ct) =>
                ResourceEndpoints.Ok(response, await settings.GetAsync(ct)))
            .WithTags(Tag).WithName("GetTenant").WithSummary("The caller's organisation and its defaults")
            .WithStandardProblems();
        api.MapPatch("/tenant", async (MergePatchBody body, TenantSettings settings, HttpContext http, CancellationToken ct) =>
                ResourceEndpoints.Ok(http.Response, await settings.PatchAsync(body.Patch, ETags.ExpectedVersion(http.Request), ct)))
            .Accepts<TenantSettingsWrite>(ResourceEndpoints.MergePatchJson, "application/json")
            .WithTags(Tag).WithName("UpdateTenant").WithSummary("Change the organisation's name and defaults (JSON merge patch; If-Match)")
            .WithStandardProblems(writes: true);

        api.MapPut("/tenant/logo", PutLogoAsync)
            .DisableAntiforgery() // API-key callers only: no cookie, so no cross-site forgery to guard against
            .WithTags(Tag).WithName("SetTenantLogo")
            .WithSummary("Upload the organisation's logo as multipart form field 'file': PNG or JPEG, at most 256 KB; SVG and other types get 400. The image is then at the tenant's logoUrl")
            .WithStandardProblems(writes: true);
        api.MapDelete("/tenant/logo", async (TenantSettings settings, HttpResponse response, CancellationToken ct) =>
                ResourceEndpoints.Ok(response, await settings.RemoveLogoAsync(ct)))
            .WithTags(Tag).WithName("RemoveTenantLogo").WithSummary("Remove the organisation's logo")
            .WithStandardProblems(writes: true);

        api.MapGet("/me/preferences", async (MyPreferences preferences, CancellationToken ct) => TypedResults.Ok(await preferences.GetAsync(ct)))
            .WithTags(Tag).WithName("GetMyPreferences").WithSummary("The caller's language, calendar, time zone and theme (null: the organisation's default)")
            .WithStandardProblems();
        api.MapPut("/me/preferences", async (PreferencesWrite body, MyPreferences preferences, CancellationToken ct) =>
                TypedResults.Ok(await preferences.SetAsync(body, ct)))
            .WithTags(Tag).WithName("SetMyPreferences").WithSummary("Replace the caller's display preferences")
            .WithStandardProblems(writes: true);
    }

    /// <summary>Logo addresses carry the upload's id, so browsers may keep them for good; no tenant or sign-in is needed.</summary>
    public static void MapPublic(IEndpointRouteBuilder app) =>
        app.MapGet("/branding/logo/{id:guid}", async Task<Results<FileContentHttpResult, NotFound>> (
                Guid id, TenantSettings settings, HttpResponse response, CancellationToken ct) =>
            {
                if (await settings.FindLogoAsync(id, ct) is not { } logo)
                    return TypedResults.NotFound();
                response.Headers.CacheControl = "public, max-age=31536000, immutable";
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(logo.Content, logo.ContentType);
            })
            .ExcludeFromDescription();

    private static async Task<JsonOk<TenantView>> PutLogoAsync(IFormFile file, TenantSettings settings, HttpResponse response, CancellationToken ct)
    {
        if (file.Length > Domain.TenantLogo.MaxBytes)
            throw new InvalidInputException("file", Features.IdentityText.LogoTooBig(Domain.TenantLogo.MaxBytes / 1024));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        // The bytes decide what the file is (checked by the service), whatever its name or declared type say.
        return ResourceEndpoints.Ok(response, await settings.SetLogoAsync(buffer.ToArray(), ct));
    }

    private static async Task<Created<IssuedApiKey>> CreateApiKeyAsync(
        ApiKeyWrite body, ResourceService<ApiKey, ApiKeyWrite, ApiKeyView> keys, HttpContext http, CancellationToken ct)
    {
        var created = await keys.CreateAsync(body, ct);
        var view = created.View;
        var secret = ((ApiKeyResource)keys.Definition).IssuedSecret!;
        ETags.Set(http.Response, created.Version);
        return TypedResults.Created($"/api/v1/api-keys/{view.Id}",
            new IssuedApiKey(view.Id, view.Name, view.UserId, view.Prefix, view.ExpiresAt, view.CreatedAt, secret));
    }
}
