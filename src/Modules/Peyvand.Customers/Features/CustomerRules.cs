using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

/// <summary>Checks and search helpers shared by contacts and companies.</summary>
internal static class CustomerRules
{
    public const int MaxNotesLength = 4000;

    /// <summary>
    /// A category the record is moved to must exist. References a record already holds are not checked again: an edit of
    /// anything else must not fail because the category was deleted since (and bulk edits skip a query per record).
    /// </summary>
    public static async Task CategoryAsync(Guid? categoryId, Guid? current, PeyvandDbContext db, IDictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        if (categoryId is { } id && id != current && !await db.Set<CustomerCategory>().AnyAsync(c => c.Id == id, cancellationToken))
            Validation.Add(errors, "categoryId", CustomerText.NoSuchCategory);
    }

    /// <summary>
    /// The owner a record gets: the one given, else the caller. A new owner must be an active user here; the record's
    /// current owner is kept without a check, so the records of someone who left stay editable until reassigned.
    /// </summary>
    public static async Task<Guid?> OwnerAsync(Guid? requested, Guid? current, PeyvandDbContext db, IDictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        if (requested is not { } ownerId)
            return db.CurrentUser.IsSystem ? null : db.CurrentUser.UserId;
        if (ownerId != current && !await db.Set<AppUser>().AnyAsync(u => u.Id == ownerId && !u.IsDisabled, cancellationToken))
            Validation.Add(errors, "ownerId", CustomerText.NoSuchOwner);
        return ownerId;
    }

    public static void Website(string? website, IDictionary<string, List<string>> errors)
    {
        if (!string.IsNullOrWhiteSpace(website)
            && !(Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            Validation.Add(errors, "website", CustomerText.Website);
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static void ThrowIfAny(IDictionary<string, List<string>> errors)
    {
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>Validates a record's custom-field values (user references must name users here); call Reserve after ThrowIfAny.</summary>
    public static async Task<CustomFieldChanges> CustomFieldsAsync<T>(
        CustomFieldHost<T> host, Guid recordId, IReadOnlyDictionary<string, JsonElement>? input, string stored, PeyvandDbContext db,
        IDictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        var changes = await host.ValidateAsync(db, recordId, input, stored, errors, cancellationToken);
        foreach (var (field, userId) in changes.UserReferences)
        {
            if (!await db.Set<AppUser>().AnyAsync(u => u.Id == userId, cancellationToken))
                Validation.Add(errors, field, Peyvand.Kernel.CustomFields.CustomFieldText.NoSuchUser);
        }
        return changes;
    }

    public static string SearchText(IEnumerable<string?> parts) =>
        PersianText.NormalizeForSearch(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
}
