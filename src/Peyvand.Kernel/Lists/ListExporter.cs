using System.Runtime.CompilerServices;
using System.Text.Json;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Resources;

namespace Peyvand.Kernel.Lists;

/// <summary>
/// What to export: the list's own <c>q</c> and <c>sort</c>, the columns (keys, comma-separated), the format, the header
/// language and the calendar of date cells (<c>jalali</c> or <c>gregorian</c>; by default Jalali for fa, else Gregorian).
/// </summary>
public sealed record ExportQuery(string? Format, string? Columns, string? Q, string? Sort, string? Lang, string? Calendar = null);

/// <summary>An export that passed its checks and is logged; <see cref="WriteAsync"/> streams the file.</summary>
public sealed record PreparedExport(ExportFormat Format, string FileName, int Rows, Func<Stream, CancellationToken, Task> WriteAsync)
{
    public string ContentType => ListExport.ContentType(Format);
}

/// <summary>
/// Exports the current view of a list: the rows the caller may read, through the list's own filter, search, sort and
/// paging, under the chosen columns of the entity's catalog. Refused above <see cref="ListExport.MaxRows"/>; audited.
/// The rows are read through <see cref="ReadOnlyDbContextFactory"/> (the read replica when one is configured); only the
/// audit entry is written to the primary.
/// </summary>
public sealed class ListExporter<TEntity, TWrite, TView>(
    ResourceService<TEntity, TWrite, TView> service, ListColumns<TView> columns, PeyvandDbContext db, ReadOnlyDbContextFactory readOnly,
    IServiceProvider services, TimeProvider clock)
    where TEntity : class, ITracked
    where TWrite : class
{
    public async Task<PreparedExport> PrepareAsync(
        ExportQuery query, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter, CancellationToken cancellationToken,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters = null)
    {
        var format = ListExport.ParseFormat(query.Format);
        var language = query.Lang?.Trim().ToLowerInvariant() switch
        {
            null or "" or "en" => "en",
            "fa" => "fa",
            _ => throw new InvalidInputException("lang", ApiText.ExportLanguage),
        };
        var calendar = query.Calendar?.Trim().ToLowerInvariant() switch
        {
            null or "" => DateFormatter.CalendarFor(language, null),
            "jalali" or "gregorian" => DateFormatter.CalendarFor(language, query.Calendar.Trim()),
            _ => throw new InvalidInputException("calendar", ApiText.ExportCalendar),
        };
        var chosen = await columns.ChooseAsync(query.Columns, cancellationToken);
        var read = readOnly.CreateDbContext();
        try
        {
            // A definition of its own on the read context: its search joins the context it was made with.
            var definition = (ResourceDefinition<TEntity, TWrite, TView>)Microsoft.Extensions.DependencyInjection.ActivatorUtilities
                .CreateInstance(services, service.Definition.GetType(), read);
            var reader = new ResourceService<TEntity, TWrite, TView>(read, definition);
            var count = await reader.CountAsync(query.Q, cancellationToken, filter, parameters, sort: query.Sort);
            if (count > ListExport.MaxRows)
            {
                throw new InvalidInputException("filter",
                    ApiText.ExportTooMany(count, ListExport.MaxRows));
            }
            // Reading the first page now checks sort and search before the response starts.
            var first = await reader.ListAsync(new ListQuery(query.Q, ListQuery.MaxLimit, null, query.Sort), cancellationToken, filter, parameters);
            await AuditAsync(query, format, chosen, count, cancellationToken);
            var fileName = $"{service.Definition.Name}-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}.{ListExport.Extension(format)}";
            return new PreparedExport(format, fileName, count, async (stream, ct) =>
            {
                await using (read)
                    await ListExport.WriteAsync(stream, format, chosen, language, Batches(reader, read, first, query, filter, parameters, language, calendar, ct), ct);
            });
        }
        catch
        {
            await read.DisposeAsync();
            throw;
        }
    }

    private async Task AuditAsync(ExportQuery query, ExportFormat format, IReadOnlyList<ListColumn<TView>> chosen, int count, CancellationToken cancellationToken)
    {
        var name = service.Definition.Name;
        var user = db.CurrentUser;
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = user.RequireTenant(),
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.UserId,
            ApiKeyId = user.ApiKeyId,
            EntityType = typeof(TEntity).Name,
            EntityId = Guid.Empty,
            Action = AuditActions.Export,
            Changes = JsonSerializer.Serialize(new
            {
                summary = $"exported {count} {name}",
                rows = count,
                format = ListExport.Extension(format),
                columns = chosen.Select(c => c.Key),
                q = query.Q,
                sort = query.Sort,
            }, PeyvandJson.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async IAsyncEnumerable<(IReadOnlyList<TView> Rows, ColumnContext Context)> Batches(
        ResourceService<TEntity, TWrite, TView> reader, PeyvandDbContext read, Page<TView> page, ExportQuery query, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters, string language, CalendarKind calendar,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            var rows = page.Items.Take(ListExport.MaxRows - written).ToList();
            var names = await columns.Catalog.NamesAsync(rows, read, cancellationToken);
            yield return (rows, new ColumnContext(language, calendar, persianDigits: false, names, export: true));
            written += rows.Count;
            if (page.NextCursor is null || written >= ListExport.MaxRows)
                yield break;
            page = await reader.ListAsync(new ListQuery(query.Q, ListQuery.MaxLimit, page.NextCursor, query.Sort), cancellationToken, filter, parameters);
        }
    }
}
