using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Auditing;

/// <summary>One change to one record: who, when, what, and each changed field's value before and after (JSON).</summary>
public sealed class AuditEntry : Entity, ITenantOwned
{
    public const int MaxChangesLength = 200_000;

    public Guid TenantId { get; init; }
    public DateTime At { get; init; }
    public Guid? UserId { get; init; }
    public Guid? ApiKeyId { get; init; }
    public required string EntityType { get; init; }
    public Guid EntityId { get; init; }
    public required string Action { get; init; }
    public required string Changes { get; init; }
}

/// <summary>
/// A row that links two audited records (a contact and a company): adding, changing or removing it is audited on each
/// record it names, as a change of the given field (the link's values before and after).
/// </summary>
public interface IAuditedLink : ITenantOwned
{
    /// <summary>The records the link is audited on: their CLR entity name, id and the field the change appears under.</summary>
    IEnumerable<(string EntityType, Guid EntityId, string Field)> AuditedOn { get; }
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Restore = "restore";
    public const string Export = "export";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.HasIndex(a => new { a.TenantId, a.EntityType, a.EntityId, a.At });
        builder.HasIndex(a => new { a.TenantId, a.At });
    }
}
