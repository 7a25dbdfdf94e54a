namespace Peyvand.Kernel.Domain;

/// <summary>Anything stored with a GUID id.</summary>
public interface IEntity
{
    Guid Id { get; }
}

/// <summary>Base of every stored row: a time-ordered GUID v7 id.</summary>
public abstract class Entity : IEntity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}

/// <summary>A row that belongs to one tenant. The tenant is stamped on save, never taken from input.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>
/// A tenant-owned, audited, soft-deletable row with an optimistic concurrency <see cref="Version"/>.
/// The save interceptor fills these properties (through EF, so setters stay private); features never set them.
/// </summary>
public interface ITracked : ITenantOwned, IEntity
{
    DateTime CreatedAt { get; }
    Guid? CreatedBy { get; }
    DateTime UpdatedAt { get; }
    Guid? UpdatedBy { get; }
    DateTime? DeletedAt { get; }
    int Version { get; }
}

/// <summary>An entity that raises domain events, written to the outbox in the same transaction.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}

public abstract class TenantEntity : Entity, ITracked, IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public Guid TenantId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

/// <summary>A row with an owning user; read permissions at "own" or "team" level filter on it.</summary>
public interface IOwned
{
    Guid? OwnerId { get; }
}

/// <summary>A row with free-form tags; lists filter on them with <see cref="Data.TagQuery.Tagged{T}"/>.</summary>
public interface ITagged
{
    List<string> Tags { get; }
}

/// <summary>The row that is a tenant itself: not tenant-owned, but its changes are audited in its own log.</summary>
public interface ITenantRoot : IEntity;

/// <summary>Something that happened in the domain; stored in the outbox with the change that raised it.</summary>
public interface IDomainEvent;
