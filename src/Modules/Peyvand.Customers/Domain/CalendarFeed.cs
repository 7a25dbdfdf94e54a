using Peyvand.Kernel.Domain;

namespace Peyvand.Customers.Domain;

/// <summary>
/// A user's private iCalendar feed link. Calendar apps cannot send API keys, so the link itself is the secret; only its
/// hash is stored, and making a new link revokes the old one.
/// </summary>
public sealed class CalendarFeed : TenantEntity, IOwned
{
    public const string Scheme = "pvc";

    public Guid? OwnerId { get; set; }
    public string TokenHash { get; set; } = "";
}
