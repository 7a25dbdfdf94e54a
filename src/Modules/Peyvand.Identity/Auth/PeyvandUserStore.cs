using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;

namespace Peyvand.Identity.Auth;

/// <summary>
/// Identity's store marks every column modified on update, <c>TenantId</c> included, which the tracking interceptor
/// rightly refuses. This store saves only what changed, so UserManager (lockout, 2FA, password reset) works.
/// </summary>
public sealed class PeyvandUserStore(PeyvandDbContext context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, PeyvandDbContext, Guid>(context, describer)
{
    public override async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);

        var entry = Context.Entry(user);
        if (entry.State == EntityState.Detached)
        {
            Context.Update(user);
            entry.Property(u => u.TenantId).IsModified = false;
        }
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await SaveChanges(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }
        return IdentityResult.Success;
    }
}
