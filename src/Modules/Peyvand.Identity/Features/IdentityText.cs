using Peyvand.Kernel.Localization;

namespace Peyvand.Identity.Features;

/// <summary>
/// Messages of the identity module (users, roles, teams, API keys, settings, saved views): validation errors a caller sees.
/// In the caller's language (see <see cref="Messages"/>): IdentityText.resx is English, IdentityText.fa.resx Persian.
/// </summary>
public static class IdentityText
{
    internal static readonly Messages M = new("Peyvand.Identity.Features.IdentityText", typeof(IdentityText).Assembly);

    public static string SignInFirst => M.Get(nameof(SignInFirst));
    public static string CannotDisableSelf => M.Get(nameof(CannotDisableSelf));
    public static string CannotDropAdmin => M.Get(nameof(CannotDropAdmin));
    public static string CannotDeleteSelf => M.Get(nameof(CannotDeleteSelf));
    public static string UnknownRoles => M.Get(nameof(UnknownRoles));
    public static string RoleBeyondOwn => M.Get(nameof(RoleBeyondOwn));
    public static string LimitBetween(object arg) => M.Format(nameof(LimitBetween), arg);
    public static string PasswordTooShort(object arg) => M.Format(nameof(PasswordTooShort), arg);
    public static string PasswordRequiresDigit => M.Get(nameof(PasswordRequiresDigit));
    public static string PasswordRequiresLower => M.Get(nameof(PasswordRequiresLower));
    public static string PasswordRequiresUpper => M.Get(nameof(PasswordRequiresUpper));
    public static string PasswordRequiresNonAlphanumeric => M.Get(nameof(PasswordRequiresNonAlphanumeric));
    public static string PasswordRequiresUniqueChars(object arg) => M.Format(nameof(PasswordRequiresUniqueChars), arg);
    public static string DuplicateEmail(object arg) => M.Format(nameof(DuplicateEmail), arg);
    public static string InvalidEmail(object arg) => M.Format(nameof(InvalidEmail), arg);
    public static string Theme => M.Get(nameof(Theme));
    public static string OnlyUserPreferences => M.Get(nameof(OnlyUserPreferences));
    public static string Language => M.Get(nameof(Language));
    public static string Calendar => M.Get(nameof(Calendar));
    public static string TimeZone => M.Get(nameof(TimeZone));
    public static string OneOf(object arg) => M.Format(nameof(OneOf), arg);
    public static string FiscalDay => M.Get(nameof(FiscalDay));
    public static string FileEmpty => M.Get(nameof(FileEmpty));
    public static string LogoTooBig(object arg) => M.Format(nameof(LogoTooBig), arg);
    public static string LogoFormat => M.Get(nameof(LogoFormat));
    public static string TenantName(object arg) => M.Format(nameof(TenantName), arg);
    public static string TenantSlug => M.Get(nameof(TenantSlug));
    public static string SlugTaken(object arg) => M.Format(nameof(SlugTaken), arg);
    public static string NameTheUser => M.Get(nameof(NameTheUser));
    public static string NoActiveUser => M.Get(nameof(NoActiveUser));
    public static string KeyUserFixed => M.Get(nameof(KeyUserFixed));
    public static string ExpiryInFuture => M.Get(nameof(ExpiryInFuture));
    public static string UnknownMembers => M.Get(nameof(UnknownMembers));
    public static string AdminAllPermissions => M.Get(nameof(AdminAllPermissions));
    public static string AdminNotDeletable => M.Get(nameof(AdminNotDeletable));
    public static string RoleInUse => M.Get(nameof(RoleInUse));
    public static string UnknownResource => M.Get(nameof(UnknownResource));
    public static string UnknownAction => M.Get(nameof(UnknownAction));
    public static string UnknownLevel => M.Get(nameof(UnknownLevel));
    public static string ViewName => M.Get(nameof(ViewName));
    public static string ViewEntity(object arg) => M.Format(nameof(ViewEntity), arg);
    public static string ViewEntityFixed => M.Get(nameof(ViewEntityFixed));
    public static string ViewFilters => M.Get(nameof(ViewFilters));
    public static string ViewColumns => M.Get(nameof(ViewColumns));
    public static string ViewTeam => M.Get(nameof(ViewTeam));
    public static string ViewOwnerOnly => M.Get(nameof(ViewOwnerOnly));
}
