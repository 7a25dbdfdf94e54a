using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Outbox;

/// <summary>Stable names for domain event types, so stored outbox rows survive type moves and renames.</summary>
public sealed class DomainEventTypes
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    public void Register<TEvent>(string name)
        where TEvent : IDomainEvent
    {
        _byName[name] = typeof(TEvent);
        _byType[typeof(TEvent)] = name;
    }

    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name) ? name
            : throw new InvalidOperationException($"Domain event {type.Name} is not registered.");

    public Type? TypeOf(string name) => _byName.GetValueOrDefault(name);
}

/// <summary>Reacts to a committed domain event. Runs in the dispatcher's transaction: what it saves commits with the "processed" mark.</summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, OutboxContext context, CancellationToken cancellationToken);
}

/// <summary>What a handler knows about the message it handles: its id (an idempotency key for side effects outside the database).</summary>
public sealed record OutboxContext(Guid MessageId, Guid TenantId, DateTime OccurredAt);
