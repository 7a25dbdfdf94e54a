using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

public sealed record UserWrite(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, MaxLength(AppUser.MaxDisplayNameLength)] string DisplayName,
    [property: MaxLength(20)] List<Guid>? RoleIds = null,
    [property: MaxLength(10)] string? Language = null,
    [property: MaxLength(20)] string? Calendar = null,
    [property: MaxLength(64)] string? TimeZone = null,
    bool IsDisabled = false,
    [property: MaxLength(128)] string? Password = null);

public sealed record UserView(
    Guid Id, string Email, string DisplayName, IReadOnlyList<Guid> RoleIds, string? Language, string? Calendar,
    string? TimeZone, bool IsDisabled, bool TwoFactorEnabled, DateTimeOffset? LockoutEnd, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Users as a REST resource. Passwords go through ASP.NET Core Identity's hasher and policy; they are never read back.</summary>
public sealed class UserResource(UserManager<AppUser> users) : ResourceDefinition<AppUser, UserWrite, UserView>
{
    public override string Name => "users";

    public override IReadOnlyList<SortField<AppUser>> Sorts => field ??=
    [
        SortField.By<AppUser, string>("displayName", u => u.DisplayName),
        SortField.By<AppUser, string?>("email", u => u.NormalizedEmail),
        SortField.By<AppUser, DateTime>("createdAt", u => u.CreatedAt),
    ];

    public override IQueryable<AppUser> Search(IQueryable<AppUser> query, string text)
    {
        var upper = text.ToUpperInvariant();
        return query.Where(u => u.DisplayName.Contains(text) || u.NormalizedEmail!.Contains(upper));
    }

    public override UserView ToView(AppUser u) => new(
        u.Id, u.Email!, u.DisplayName, u.RoleIds, u.Language, u.Calendar, u.TimeZone, u.IsDisabled,
        u.TwoFactorEnabled, u.LockoutEnd, u.CreatedAt, u.UpdatedAt);

    public async Task<UserView> ToViewAsync(Peyvand.Kernel.Tenancy.CurrentUser me, CancellationToken cancellationToken)
    {
        var id = me.UserId ?? throw new ForbiddenException(IdentityText.SignInFirst);
        var user = await users.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException(Name, id);
        return ToView(user);
    }

    public override UserWrite ToWrite(AppUser u) =>
        new(u.Email!, u.DisplayName, [.. u.RoleIds], u.Language, u.Calendar, u.TimeZone, u.IsDisabled);

    public override async Task<AppUser> CreateAsync(UserWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        await CheckAsync(write, [], db, cancellationToken);
        // Fields are set directly: UserManager's setters save at once, and this save belongs to the resource service.
        // UserManager.CreateAsync would switch lockout on; created here, the user must get it explicitly.
        var user = new AppUser { EmailConfirmed = true, LockoutEnabled = users.Options.Lockout.AllowedForNewUsers };
        SetEmail(user, write.Email);
        Apply(user, write);
        if (string.IsNullOrEmpty(write.Password))
        {
            user.Invite();
        }
        else
        {
            await EnsurePasswordAsync(user, write.Password);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, write.Password);
        }
        return user;
    }

    public override async Task UpdateAsync(AppUser user, UserWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        await CheckAsync(write, user.RoleIds, db, cancellationToken);
        if (db.CurrentUser.UserId == user.Id && write.IsDisabled)
            throw new InvalidInputException("isDisabled", IdentityText.CannotDisableSelf);
        if (db.CurrentUser.UserId == user.Id && await DropsOwnAdministratorRoleAsync(user, write, db, cancellationToken))
            throw new InvalidInputException("roleIds", IdentityText.CannotDropAdmin);
        if (!string.Equals(user.Email, write.Email, StringComparison.OrdinalIgnoreCase))
            SetEmail(user, write.Email);
        if (!string.IsNullOrEmpty(write.Password))
        {
            await EnsurePasswordAsync(user, write.Password);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, write.Password);
        }
        if (write.IsDisabled != user.IsDisabled || !string.IsNullOrEmpty(write.Password))
            user.SecurityStamp = Guid.NewGuid().ToString(); // signs the user out everywhere
        Apply(user, write);
    }

    public override async Task BeforeDeleteAsync(AppUser user, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        if (db.CurrentUser.UserId == user.Id)
            throw new ConflictException(IdentityText.CannotDeleteSelf);
        await Task.CompletedTask;
    }

    // Like disabling or deleting oneself: the last administrator could otherwise lock the organisation out.
    private static async Task<bool> DropsOwnAdministratorRoleAsync(AppUser user, UserWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var administrator = await db.Set<Role>().Where(r => r.BuiltInKey == BuiltInRoles.Administrator).Select(r => r.Id)
            .SingleAsync(cancellationToken);
        return user.RoleIds.Contains(administrator) && write.RoleIds?.Contains(administrator) != true;
    }

    private void SetEmail(AppUser user, string email)
    {
        user.Email = email.Trim().ToLowerInvariant();
        user.UserName = user.Email;
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        user.NormalizedUserName = users.NormalizeName(user.Email);
    }

    private static void Apply(AppUser user, UserWrite write)
    {
        user.DisplayName = write.DisplayName.Trim();
        user.RoleIds = write.RoleIds?.Distinct().ToList() ?? [];
        user.Language = write.Language;
        user.Calendar = write.Calendar;
        user.TimeZone = write.TimeZone;
        user.IsDisabled = write.IsDisabled;
    }

    private static async Task CheckAsync(UserWrite write, IReadOnlyList<Guid> currentRoleIds, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        UserSettings.Check(write.Language, write.Calendar, write.TimeZone, errors);
        if (write.RoleIds is { Count: > 0 } roleIds)
        {
            var roles = await db.Set<Role>().Where(r => roleIds.Contains(r.Id)).ToListAsync(cancellationToken);
            if (roles.Count != roleIds.Distinct().Count())
                Validation.Add(errors, "roleIds", IdentityText.UnknownRoles);
            // No one hands out more than they hold: a role newly given may grant nothing beyond the caller's own rights.
            var me = db.CurrentUser;
            var escalates = roles.Where(r => !currentRoleIds.Contains(r.Id))
                .SelectMany(r => r.Permissions)
                .Any(g => !me.IsSystem && g.Value > me.Permissions.Levels.GetValueOrDefault(g.Key));
            if (escalates)
                throw new ForbiddenException(IdentityText.RoleBeyondOwn);
        }
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private async Task EnsurePasswordAsync(AppUser user, string password)
    {
        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }
        if (messages.Count > 0)
            throw new InvalidInputException(new Dictionary<string, string[]> { ["password"] = [.. messages] });
    }
}
