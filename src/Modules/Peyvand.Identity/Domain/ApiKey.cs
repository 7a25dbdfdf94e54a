using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Text;

namespace Peyvand.Identity.Domain;

/// <summary>
/// A personal key for the REST API. Only a SHA-256 hash is stored (keys are 256 random bits, so a fast hash is safe);
/// the key itself is shown once. It acts as its owner, with the owner's permissions. Deleting revokes it for good.
/// </summary>
public sealed class ApiKey : TenantEntity, IOwned
{
    public const int MaxNameLength = 100;
    private const string Scheme = "pvk";

    private ApiKey()
    {
    }

    /// <summary>The user the key acts as.</summary>
    public Guid? OwnerId { get; private set; }
    public string Name { get; set; } = "";
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>Makes a key; the returned secret is the only copy and must be shown to the user now.</summary>
    public static (ApiKey Key, string Secret) Issue(Guid userId, string name, DateTime? expiresAt)
    {
        var secret = Secrets.New(Scheme);
        return (new ApiKey { OwnerId = userId, Name = name, ExpiresAt = expiresAt, Prefix = secret[..12], Hash = HashOf(secret) }, secret);
    }

    public static string HashOf(string secret) => Secrets.Hash(secret);

    public void MarkUsed(DateTime at) => LastUsedAt = at;
}
