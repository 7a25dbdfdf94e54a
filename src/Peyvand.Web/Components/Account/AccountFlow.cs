using Peyvand.Identity.Domain;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Web.Components.Account;

internal static class AccountFlow
{
    /// <summary>Only a path on this site: an absolute or protocol-relative address would make sign-in an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl : "/";

    /// <summary>
    /// Before sign-in no tenant is known, yet Identity saves to the user's row (failed attempts, lockout, used recovery
    /// codes, a new password). The person acting is the account's owner, with no permissions beyond that.
    /// </summary>
    public static void ActAsOwnerOf(this CurrentUser currentUser, AppUser user)
    {
        if (!currentUser.IsAuthenticated)
            currentUser.SignIn(user.TenantId, user.Id, PermissionSet.Empty, []);
    }

    /// <summary>Codes as typed on a phone: Persian or ASCII digits, with spaces or dashes.</summary>
    public static string NormalizeCode(string? code) =>
        Digits.ToAscii(code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    /// <summary>Recovery codes keep their dash (Identity compares them exactly); case and spaces are forgiven.</summary>
    public static string NormalizeRecoveryCode(string? code) =>
        Digits.ToAscii(code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>Numbers in running text follow the page's language.</summary>
    public static string LocalDigits(this int value) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa"
            ? Digits.ToPersian(value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
