using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;

namespace Peyvand.Identity.Auth;

/// <summary>Puts the user's tenant into the sign-in cookie, so every later request knows it without a lookup by email.</summary>
public sealed class TenantClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, PeyvandDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PeyvandClaims.Tenant, user.TenantId.ToString()));
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (!string.IsNullOrEmpty(user.Language))
            identity.AddClaim(new Claim(PeyvandClaims.Language, user.Language));
        if (!string.IsNullOrEmpty(user.Calendar))
            identity.AddClaim(new Claim(PeyvandClaims.Calendar, user.Calendar));
        if (!string.IsNullOrEmpty(user.TimeZone))
            identity.AddClaim(new Claim(PeyvandClaims.TimeZone, user.TimeZone));
        if (!string.IsNullOrEmpty(user.Theme))
            identity.AddClaim(new Claim(PeyvandClaims.Theme, user.Theme));
        // Re-read with every cookie refresh (each minute), so a change of the organisation's defaults reaches everyone.
        var defaults = await db.Set<Tenant>().AsNoTracking().Where(t => t.Id == user.TenantId)
            .Select(t => new { t.DefaultCalendar, t.TimeZone, t.RialDisplay }).SingleOrDefaultAsync();
        if (defaults is not null)
        {
            identity.AddClaim(new Claim(PeyvandClaims.OrganisationCalendar, defaults.DefaultCalendar));
            identity.AddClaim(new Claim(PeyvandClaims.OrganisationTimeZone, defaults.TimeZone));
            identity.AddClaim(new Claim(PeyvandClaims.OrganisationRialDisplay, defaults.RialDisplay));
        }
        if (user.FirstRunPending)
            identity.AddClaim(new Claim(PeyvandClaims.FirstRun, "1"));
        return identity;
    }
}
