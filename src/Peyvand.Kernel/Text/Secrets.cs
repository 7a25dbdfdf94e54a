using System.Security.Cryptography;
using System.Text;

namespace Peyvand.Kernel.Text;

/// <summary>Bearer secrets (API keys, calendar feed links): 256 random bits, stored only as a SHA-256 hash.</summary>
public static class Secrets
{
    /// <summary>A new URL-safe secret with a readable prefix, e.g. "pvk_…".</summary>
    public static string New(string prefix) =>
        $"{prefix}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    /// <summary>The stored form. A fast hash suffices: the secrets have too much entropy to guess.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
