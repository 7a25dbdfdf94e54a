using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Identity.Features;

public sealed record UserSummary(Guid Id, string DisplayName);

/// <summary>
/// Who works here, by name: what anyone signed in needs to @mention, assign or invite a colleague, without the users
/// permission (which shows emails, roles and settings).
/// </summary>
public sealed class UserDirectory(PeyvandDbContext db)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(string? q, int? limit, CancellationToken cancellationToken)
    {
        if (!db.CurrentUser.IsAuthenticated)
            throw new ForbiddenException(IdentityText.SignInFirst);
        var take = limit ?? ListQuery.MaxLimit;
        if (take is < 1 or > 1000)
            throw new InvalidInputException("limit", IdentityText.LimitBetween(1000));
        var users = await db.Set<AppUser>().AsNoTracking().Where(u => !u.IsDisabled)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new UserSummary(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // A tenant's users fit in memory; matching here applies the Persian normaliser to both sides.
            var words = PersianText.NormalizeForSearch(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            users = users.Where(u => words.All(PersianText.NormalizeForSearch(u.DisplayName).Contains)).ToList();
        }
        return users.Take(take).ToList();
    }
}
