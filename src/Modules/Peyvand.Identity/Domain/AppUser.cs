using Microsoft.AspNetCore.Identity;
using Peyvand.Kernel.Domain;

namespace Peyvand.Identity.Domain;

/// <summary>A person who signs in. Emails are unique across all tenants, so a login names its tenant.</summary>
public sealed class AppUser : IdentityUser<Guid>, ITracked, IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public const int MaxDisplayNameLength = 200;

    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";
    public List<Guid> RoleIds { get; set; } = [];
    public string? Language { get; set; }
    public string? Calendar { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>"light", "dark" or "system" (follow the device); null means light.</summary>
    public string? Theme { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>Set for a bootstrap administrator whose password was generated: they choose their own on first sign-in.</summary>
    public bool FirstRunPending { get; set; }

    public Guid TenantId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>A user made without a password is invited: they get a link to choose one.</summary>
    public void Invite() => _domainEvents.Add(new UserInvited(Id));
}

public sealed record UserInvited(Guid UserId) : IDomainEvent;
