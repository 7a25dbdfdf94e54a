using Npgsql;

namespace Peyvand.Bench;

/// <summary>
/// GET /api/v1/contacts/{id}'s read straight through Npgsql: the ceiling for the app (ADR 0014). <see cref="AsTheApp"/>
/// sends the statement the app sends: the contact within its organisation, not deleted, visible to the caller (an
/// administrator), with its company links. <see cref="Lean"/> is the bare row by primary key the ratio was first measured
/// against (on Npgsql's defaults: no preparation, a reset on every return to the pool), still reported beside it.
/// </summary>
public sealed class RawContactRead
{
    /// <summary>
    /// EF Core's SQL for ContactResource's compiled read (CompiledRead.Including(CompanyLinks)) on PostgreSQL, for a caller
    /// who sees every owner's records: $1 the organisation, $2 true, $3 the id. ReadPathTestsPostgres checks it against
    /// what the app sends.
    /// </summary>
    public const string AppSql = """
        SELECT c1.id, c1.address_keys, c1.addresses, c1.birthday, c1.category_id, c1.company_id, c1.consent, c1.created_at, c1.created_by, c1.custom_fields, c1.deleted_at, c1.emails, c1.first_name, c1.job_title, c1.last_name, c1.lifecycle_stage, c1.national_id, c1.notes, c1.owner_id, c1.phones, c1.primary_email, c1.primary_phone, c1.search_text, c1.social_profiles, c1.source, c1.tags, c1.tenant_id, c1.updated_at, c1.updated_by, c1.version, c1.website, c2.contact_id, c2.company_id, c2."primary", c2.role, c2.tenant_id
        FROM (
            SELECT c.id, c.address_keys, c.addresses, c.birthday, c.category_id, c.company_id, c.consent, c.created_at, c.created_by, c.custom_fields, c.deleted_at, c.emails, c.first_name, c.job_title, c.last_name, c.lifecycle_stage, c.national_id, c.notes, c.owner_id, c.phones, c.primary_email, c.primary_phone, c.search_text, c.social_profiles, c.source, c.tags, c.tenant_id, c.updated_at, c.updated_by, c.version, c.website
            FROM contacts AS c
            WHERE c.tenant_id = $1 AND c.deleted_at IS NULL AND ($2 OR (c.owner_id IS NOT NULL AND c.owner_id = ANY (NULL))) AND c.id = $3
            LIMIT 2
        ) AS c1
        LEFT JOIN (
            SELECT c0.contact_id, c0.company_id, c0."primary", c0.role, c0.tenant_id
            FROM contact_companies AS c0
            WHERE c0.tenant_id = $1
        ) AS c2 ON c1.id = c2.contact_id
        ORDER BY c1.id, c2.contact_id
        """;

    private const string LeanSql = "SELECT * FROM contacts WHERE id = $1 AND deleted_at IS NULL";

    private readonly NpgsqlDataSource _database;
    private readonly Guid? _tenantId;

    private RawContactRead(NpgsqlDataSource database, Guid? tenantId) => (_database, _tenantId) = (database, tenantId);

    /// <summary>The app's statement, in <paramref name="tenantId"/>'s organisation.</summary>
    public static RawContactRead AsTheApp(NpgsqlDataSource database, Guid tenantId) => new(database, tenantId);

    public static RawContactRead Lean(NpgsqlDataSource database) => new(database, null);

    /// <summary>The organisation that holds <paramref name="contactId"/>.</summary>
    public static async Task<Guid> TenantOfAsync(NpgsqlDataSource database, Guid contactId)
    {
        await using var command = database.CreateCommand("SELECT tenant_id FROM contacts WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = contactId });
        return (Guid)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("The bench contact is gone."));
    }

    /// <summary>A load step reading a random one of <paramref name="ids"/>: 200 when found, 404 when not.</summary>
    public Func<Random, CancellationToken, Task<(string, int)>> Step(IReadOnlyList<Guid> ids) => async (random, ct) =>
        ("raw read", (await ReadAsync(ids[random.Next(ids.Count)], ct)).Count > 0 ? 200 : 404);

    /// <summary>Every row the statement returns (one per company link, at least one when the contact is there), every column.</summary>
    public async Task<List<object[]>> ReadAsync(Guid id, CancellationToken ct)
    {
        await using var command = _database.CreateCommand(_tenantId is null ? LeanSql : AppSql);
        if (_tenantId is { } tenantId)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = true });
        }
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<object[]>(1);
        while (await reader.ReadAsync(ct))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
        return rows;
    }
}
