using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;

namespace Peyvand.Identity.Auth;

/// <summary>Authenticates <c>Authorization: Bearer pvk_…</c>: the key names its user and so its tenant and permissions.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PeyvandDbContext db, TimeProvider clock, AuthCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is < 10 or > 200)
            return AuthenticateResult.Fail("Malformed API key.");

        var hash = ApiKey.HashOf(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var cacheKey = ("api-key", Guid.Empty, Guid.Empty, hash);
        if (!cache.TryGet<ResolvedKey>(cacheKey, out var key))
        {
            var generation = cache.Generation;
            key = await db.Set<ApiKey>().IgnoreQueryFilters().AsNoTracking()
                .Where(k => k.Hash == hash && k.DeletedAt == null)
                // A key acts as its user: once the user is disabled or deleted, the key authenticates no one.
                .Where(k => db.Set<AppUser>().IgnoreQueryFilters()
                    .Any(u => u.Id == k.OwnerId && u.TenantId == k.TenantId && u.DeletedAt == null && !u.IsDisabled))
                .Select(k => new ResolvedKey(k.Id, k.TenantId, k.OwnerId!.Value, k.ExpiresAt, k.LastUsedAt))
                .SingleOrDefaultAsync(Context.RequestAborted);
            if (key is not null)
                cache.Set(cacheKey, key, generation);
        }
        if (key is null || key.ExpiresAt <= now)
            return AuthenticateResult.Fail("Unknown, revoked or expired API key, or its user is disabled.");

        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            // A bookkeeping write, not a change anyone edits: skip the tracked save (and its audit entry).
            var generation = cache.Generation;
            await db.Set<ApiKey>().IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
            cache.Set(cacheKey, key with { LastUsedAt = now }, generation);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.OwnerId.ToString()),
            new Claim(PeyvandClaims.Tenant, key.TenantId.ToString()),
            new Claim(PeyvandClaims.ApiKey, key.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private sealed record ResolvedKey(Guid Id, Guid TenantId, Guid OwnerId, DateTime? ExpiresAt, DateTime? LastUsedAt);
}
