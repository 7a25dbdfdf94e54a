using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Peyvand.Kernel.Data;

public static class ModelAnnotations
{
    private const string AuditIgnore = "Peyvand:AuditIgnore";
    private const string Resource = "Peyvand:Resource";
    private const string LookupBeforeTenant = "Peyvand:LookupBeforeTenant";
    private const string SearchText = "Peyvand:SearchText";
    private const string JsonDocument = "Peyvand:JsonDocument";
    private const string FilterKeys = "Peyvand:FilterKeys";
    private const string LiveRows = "Peyvand:LiveRows";

    /// <summary>
    /// An index of the rows not deleted (<c>WHERE deleted_at IS NULL</c>, the soft-delete filter every list, filter and
    /// count applies): with the condition in the index, PostgreSQL counts from the index alone instead of visiting every
    /// row to check it (contacts by stage at 1 M: 1.5 s → 0.1 s).
    /// </summary>
    public static IndexBuilder<T> OnLiveRows<T>(this IndexBuilder<T> index) => index.HasAnnotation(LiveRows, true);

    /// <summary>
    /// An index of the deleted rows only (<c>WHERE deleted_at IS NOT NULL</c>): the "deleted" lists find their few rows
    /// through it, whatever the indexes of the live rows leave out.
    /// </summary>
    public static IndexBuilder<T> OnDeletedRows<T>(this IndexBuilder<T> index) => index.HasAnnotation(LiveRows, false);

    /// <summary>True for <see cref="OnLiveRows{T}"/>, false for <see cref="OnDeletedRows{T}"/>, null for an index of every row.</summary>
    public static bool? LiveRowsOnly(this IReadOnlyIndex index) => index.FindAnnotation(LiveRows)?.Value as bool?;

    /// <summary>A JSON object stored as text: <c>jsonb</c> on PostgreSQL, TEXT on SQLite (custom-field values).</summary>
    public static PropertyBuilder<string> IsJsonDocument(this PropertyBuilder<string> property) =>
        property.HasAnnotation(JsonDocument, true);

    public static bool IsJsonDocument(this IReadOnlyProperty property) =>
        property.FindAnnotation(JsonDocument)?.Value is true;

    /// <summary>Keeps a property's values (hashes, secrets, stamps) out of the audit log.</summary>
    public static PropertyBuilder<T> NotAudited<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(AuditIgnore, true);

    /// <summary>
    /// Marks the normalised search column of an entity: PostgreSQL gets a pg_trgm GIN index on it, so substring
    /// and prefix searches (<see cref="Text.Search"/>) use an index there.
    /// </summary>
    public static PropertyBuilder<string> IsSearchText(this PropertyBuilder<string> property) =>
        property.HasAnnotation(SearchText, true).NotAudited();

    public static bool IsSearchText(this IReadOnlyProperty property) =>
        property.FindAnnotation(SearchText)?.Value is true;

    /// <summary>
    /// Marks a string array derived from other fields on write, kept only for filtering by containment or overlap
    /// (<see cref="KeyArrayQuery"/>): PostgreSQL gets a GIN index on it; it is not audited (its source fields are).
    /// </summary>
    public static PrimitiveCollectionBuilder<List<string>> IsFilterKeys(this PrimitiveCollectionBuilder<List<string>> property) =>
        property.HasAnnotation(FilterKeys, true).HasAnnotation(AuditIgnore, true);

    public static bool IsFilterKeys(this IReadOnlyProperty property) =>
        property.FindAnnotation(FilterKeys)?.Value is true;

    public static bool IsNotAudited(this IReadOnlyProperty property) =>
        property.FindAnnotation(AuditIgnore)?.Value is true;

    /// <summary>Names the permission resource whose read level decides which owned rows a user sees.</summary>
    public static EntityTypeBuilder<T> IsPermissionResource<T>(this EntityTypeBuilder<T> entity, string resource)
        where T : class =>
        entity.HasAnnotation(Resource, resource);

    /// <summary>
    /// Lets rows be found before a tenant is known (sign-in looks a user up by email). Once a tenant is known,
    /// the usual tenant filter applies. Only for tables whose lookup keys are unique across all tenants.
    /// </summary>
    public static EntityTypeBuilder<T> AllowsLookupBeforeTenant<T>(this EntityTypeBuilder<T> entity)
        where T : class =>
        entity.HasAnnotation(LookupBeforeTenant, true);

    public static bool IsLookupBeforeTenant(this IReadOnlyEntityType entity) =>
        entity.FindAnnotation(LookupBeforeTenant)?.Value is true;

    public static string? PermissionResource(this IReadOnlyEntityType entity) =>
        entity.FindAnnotation(Resource)?.Value as string;
}
