using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Mail;
using Peyvand.Kernel.Outbox;

namespace Peyvand.Identity.Features;

/// <summary>
/// Emails an invited user a link to choose their password. Runs from the outbox after the user is committed;
/// if sending fails the dispatcher retries with back-off.
/// </summary>
public sealed class SendInvitation(PeyvandDbContext db, PasswordResetLinks links, IEmailSender email)
    : IDomainEventHandler<UserInvited>
{
    public async Task HandleAsync(UserInvited invited, OutboxContext context, CancellationToken cancellationToken)
    {
        var user = await db.Set<AppUser>().SingleOrDefaultAsync(u => u.Id == invited.UserId, cancellationToken);
        if (user?.Email is null || user.PasswordHash is not null)
            return; // deleted since, or already chose a password
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Id == context.TenantId, cancellationToken);
        var link = await links.CreateAsync(user);
        var fa = (user.Language ?? tenant.DefaultLanguage) == "fa";
        var message = fa
            ? new EmailMessage(user.Email, $"دعوت به پیوند — {tenant.Name}",
                $"سلام {user.DisplayName}،\n\nشما به {tenant.Name} در پیوند دعوت شده‌اید. برای انتخاب گذرواژه این پیوند را باز کنید:\n{link}\n")
            : new EmailMessage(user.Email, $"You are invited to Peyvand — {tenant.Name}",
                $"Hello {user.DisplayName},\n\nYou have been invited to {tenant.Name} on Peyvand. Open this link to choose your password:\n{link}\n");
        await email.SendAsync(message, cancellationToken);
    }
}
