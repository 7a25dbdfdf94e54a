using Peyvand.Kernel.Api;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Kernel.Text;

/// <summary>One hit of the global search: what it is, its id, and the lines to show for it.</summary>
public sealed record SearchHit(string Type, Guid Id, string Title, string? Subtitle);

/// <summary>A module's share of the global search (contacts, companies; later deals, tickets…).</summary>
public interface ISearchProvider
{
    /// <summary>The permission resource, e.g. "contacts"; providers the user may not read are skipped.</summary>
    string Resource { get; }

    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);
}

/// <summary>Searches every module the user may read, with the same normalisation everywhere.</summary>
public sealed class GlobalSearch(IEnumerable<ISearchProvider> providers, CurrentUser user)
{
    public const int MaxLimit = 50;

    public async Task<IReadOnlyList<SearchHit>> HandleAsync(string? query, int? limit, CancellationToken cancellationToken)
    {
        var words = Search.Words(query ?? "");
        if (words.Length == 0 || query!.Length > 200)
            throw new InvalidInputException("q", ApiText.SearchLength(200));
        var perType = limit ?? 10;
        if (perType is < 1 or > MaxLimit)
            throw new InvalidInputException("limit", ApiText.LimitBetween(MaxLimit));

        var hits = new List<SearchHit>();
        foreach (var provider in providers.Where(p => user.LevelFor(p.Resource, PermissionAction.Read) > PermissionLevel.None))
            hits.AddRange(await provider.SearchAsync(query, perType, cancellationToken));
        return hits;
    }
}
