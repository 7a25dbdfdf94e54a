using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Peyvand.Identity.Domain;

namespace Peyvand.Identity.Features;

public sealed class PublicUrlOptions
{
    /// <summary>Where people reach the app, for links in emails; unset, links use the address of the request.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Links to the reset-password page, for "forgot password" and for invitations alike.</summary>
public sealed class PasswordResetLinks(UserManager<AppUser> users, IOptions<PublicUrlOptions> options)
{
    public const string Path = "account/reset-password";

    /// <param name="requestBase">The app's address as the current request saw it, used when no public URL is set.</param>
    public async Task<string> CreateAsync(AppUser user, string? requestBase = null)
    {
        // Behind a proxy, or against a forged Host header, the request's own address is not one to mail out.
        var baseUrl = options.Value.PublicUrl is { Length: > 0 } configured ? configured
            : requestBase ?? "http://127.0.0.1:5080";
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return QueryHelpers.AddQueryString($"{baseUrl.TrimEnd('/')}/{Path}",
            new Dictionary<string, string?> { ["email"] = user.Email, ["code"] = code });
    }
}
