using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Notifications;

/// <summary>
/// An in-app message to one user: someone mentioned them, a task reminder is due, later a deal or ticket changed.
/// Plain data rather than a tracked record (no audit, no versions): only its recipient reads it and marks it read.
/// </summary>
public sealed class Notification : Entity, ITenantOwned
{
    public const int MaxTitleLength = 200;

    public Guid TenantId { get; private set; }
    public Guid RecipientId { get; init; }

    /// <summary>What happened, as a stable key the UI words in the reader's language ("mention", "task-reminder", …).</summary>
    public required string Kind { get; init; }

    /// <summary>What it is about, as written by people (a note's first words, a task's subject).</summary>
    public required string Title { get; init; }

    /// <summary>Where to go in the web app ("/contacts/…"), relative.</summary>
    public string? Link { get; init; }

    /// <summary>Who caused it, if a person did.</summary>
    public Guid? ActorId { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Kind).HasMaxLength(50);
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.TenantId, n.RecipientId, n.ReadAt });
        builder.HasIndex(n => new { n.TenantId, n.RecipientId, n.Id });
    }
}
