using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

public sealed record TeamWrite(
    [property: Required, MaxLength(Team.MaxNameLength)] string Name,
    [property: MaxLength(2000)] string? Description = null,
    [property: MaxLength(500)] List<Guid>? MemberIds = null);

public sealed record TeamView(Guid Id, string Name, string? Description, IReadOnlyList<Guid> MemberIds, DateTime CreatedAt, DateTime UpdatedAt);

public sealed class TeamResource : ResourceDefinition<Team, TeamWrite, TeamView>
{
    public override string Name => "teams";

    public override IReadOnlyList<SortField<Team>> Sorts => field ??=
    [
        SortField.By<Team, string>("name", t => t.Name),
        SortField.By<Team, DateTime>("createdAt", t => t.CreatedAt),
    ];

    public override IQueryable<Team> Search(IQueryable<Team> query, string text) => query.Where(t => t.Name.Contains(text));

    public override TeamView ToView(Team t) => new(t.Id, t.Name, t.Description, t.MemberIds, t.CreatedAt, t.UpdatedAt);

    public override TeamWrite ToWrite(Team t) => new(t.Name, t.Description, [.. t.MemberIds]);

    public override async Task<Team> CreateAsync(TeamWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var team = new Team();
        await UpdateAsync(team, write, db, cancellationToken);
        return team;
    }

    public override async Task UpdateAsync(Team team, TeamWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var members = write.MemberIds?.Distinct().ToList() ?? [];
        if (members.Count > 0 && await db.Set<AppUser>().CountAsync(u => members.Contains(u.Id), cancellationToken) != members.Count)
            throw new InvalidInputException("memberIds", IdentityText.UnknownMembers);
        team.Name = write.Name.Trim();
        team.Description = write.Description;
        team.MemberIds = members;
    }
}
