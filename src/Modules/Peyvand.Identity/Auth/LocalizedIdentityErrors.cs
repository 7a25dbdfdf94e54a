using Microsoft.AspNetCore.Identity;
using Peyvand.Identity.Features;

namespace Peyvand.Identity.Auth;

/// <summary>ASP.NET Identity's password and email errors in the caller's language (see <see cref="IdentityText"/>).</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), IdentityText.PasswordTooShort(length));

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), IdentityText.PasswordRequiresDigit);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), IdentityText.PasswordRequiresLower);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), IdentityText.PasswordRequiresUpper);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), IdentityText.PasswordRequiresNonAlphanumeric);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), IdentityText.PasswordRequiresUniqueChars(uniqueChars));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), IdentityText.DuplicateEmail(email));

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), IdentityText.InvalidEmail(email ?? ""));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
