using Peyvand.Kernel.Domain;

namespace Peyvand.Identity.Domain;

/// <summary>An organisation's logo image (PNG or JPEG), kept apart from the tenant row so loading a tenant never loads it.</summary>
public sealed class TenantLogo : Entity, ITenantOwned
{
    public const int MaxBytes = 256 * 1024;

    private TenantLogo()
    {
    }

    public TenantLogo(string contentType, byte[] content, DateTime createdAt)
    {
        ContentType = contentType;
        Content = content;
        CreatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
}
