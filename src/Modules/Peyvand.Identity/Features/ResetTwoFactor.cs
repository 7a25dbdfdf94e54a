using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

/// <summary>
/// Turns a user's two-factor sign-in off and forgets their authenticator key, for someone who lost their phone.
/// The new security stamp signs them out everywhere; they set 2FA up again after signing in.
/// </summary>
public sealed class ResetTwoFactor(PeyvandDbContext db, UserManager<AppUser> users, ResourceDefinition<AppUser, UserWrite, UserView> definition)
{
    public async Task<Versioned<UserView>> HandleAsync(Guid userId, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand("users", PermissionAction.Update, PermissionLevel.All);
        // Through the tenant's query filters: another organisation's user is simply not found.
        var user = await db.Set<AppUser>().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("users", userId);
        Ensure(await users.SetTwoFactorEnabledAsync(user, false));
        Ensure(await users.ResetAuthenticatorKeyAsync(user));
        return new(definition.ToView(user), user.Version, user.Id);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
