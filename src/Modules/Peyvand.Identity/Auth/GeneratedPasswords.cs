using System.Security.Cryptography;

namespace Peyvand.Identity.Auth;

/// <summary>Random passwords for accounts the app makes itself (the bootstrap admin, demo users).</summary>
public static class GeneratedPasswords
{
    /// <summary>120 random bits as URL-safe text, ending in a letter and a digit so the password policy always accepts it.</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "a7";
}
