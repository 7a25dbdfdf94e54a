using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

/// <summary>A new key's name, optional expiry and, for admins, the user it acts as (default: the caller).</summary>
public sealed record ApiKeyWrite(
    [property: Required, MaxLength(ApiKey.MaxNameLength)] string Name,
    DateTime? ExpiresAt = null,
    Guid? UserId = null);

public sealed record ApiKeyView(Guid Id, string Name, Guid UserId, string Prefix, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime CreatedAt);

/// <summary>Returned once, when a key is created: the only time the secret is shown.</summary>
public sealed record IssuedApiKey(Guid Id, string Name, Guid UserId, string Prefix, DateTime? ExpiresAt, DateTime CreatedAt, string Key);

/// <summary>API keys: listed (own or all, by permission), created with the secret shown once, deleted to revoke for good.</summary>
public sealed class ApiKeyResource(TimeProvider clock) : ResourceDefinition<ApiKey, ApiKeyWrite, ApiKeyView>
{
    public override string Name => "api-keys";

    public override bool CanRestore => false;

    public override IReadOnlyList<SortField<ApiKey>> Sorts => field ??=
    [
        SortField.By<ApiKey, DateTime>("createdAt", k => k.CreatedAt),
        SortField.By<ApiKey, string>("name", k => k.Name),
    ];

    public override IQueryable<ApiKey> Search(IQueryable<ApiKey> query, string text) => query.Where(k => k.Name.Contains(text));

    public override ApiKeyView ToView(ApiKey k) => new(k.Id, k.Name, k.OwnerId!.Value, k.Prefix, k.ExpiresAt, k.LastUsedAt, k.CreatedAt);

    public override ApiKeyWrite ToWrite(ApiKey k) => new(k.Name, k.ExpiresAt, k.OwnerId);

    /// <summary>The secret of the key built by the last <see cref="CreateAsync"/>; the resource is scoped, one per request.</summary>
    public string? IssuedSecret { get; private set; }

    public override async Task<ApiKey> CreateAsync(ApiKeyWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var userId = write.UserId ?? db.CurrentUser.UserId
            ?? throw new InvalidInputException("userId", IdentityText.NameTheUser);
        if (!await db.Set<AppUser>().AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken))
            throw new InvalidInputException("userId", IdentityText.NoActiveUser);
        CheckExpiry(write.ExpiresAt);
        var (key, secret) = ApiKey.Issue(userId, write.Name.Trim(), write.ExpiresAt?.ToUniversalTime());
        IssuedSecret = secret;
        return key;
    }

    public override Task UpdateAsync(ApiKey key, ApiKeyWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        if (write.UserId is { } userId && userId != key.OwnerId)
            throw new InvalidInputException("userId", IdentityText.KeyUserFixed);
        CheckExpiry(write.ExpiresAt);
        key.Name = write.Name.Trim();
        key.ExpiresAt = write.ExpiresAt?.ToUniversalTime();
        return Task.CompletedTask;
    }

    private void CheckExpiry(DateTime? expiresAt)
    {
        if (expiresAt is { } at && at.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime)
            throw new InvalidInputException("expiresAt", IdentityText.ExpiryInFuture);
    }
}
