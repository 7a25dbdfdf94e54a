using System.Text.RegularExpressions;
using Peyvand.Customers.Domain;

namespace Peyvand.Customers.Features;

/// <summary>
/// Turns what people paste for a social profile (@handle, t.me/handle, a full URL, a WhatsApp number) into one canonical
/// https URL per network, so the same profile is always stored the same way.
/// </summary>
public static partial class SocialProfileNormalizer
{
    private sealed record Network(string[] Hosts, Regex Handle, string Canonical);

    private static readonly Dictionary<SocialNetwork, Network> Networks = new()
    {
        [SocialNetwork.Telegram] = new(["t.me", "telegram.me", "telegram.dog"], TelegramHandle(), "https://t.me/{0}"),
        [SocialNetwork.Instagram] = new(["instagram.com", "instagr.am"], InstagramHandle(), "https://www.instagram.com/{0}"),
        [SocialNetwork.X] = new(["x.com", "twitter.com"], XHandle(), "https://x.com/{0}"),
    };

    public static string Hint(SocialNetwork network) => network switch
    {
        SocialNetwork.Telegram => CustomerText.Telegram,
        SocialNetwork.Instagram => CustomerText.Instagram,
        SocialNetwork.X => CustomerText.X,
        SocialNetwork.LinkedIn => CustomerText.LinkedIn,
        SocialNetwork.WhatsApp => CustomerText.WhatsApp,
        SocialNetwork.Other => CustomerText.Website,
        _ => CustomerText.UnknownNetwork,
    };

    public static SocialProfile? Normalize(SocialNetwork network, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
            return null;
        text = text.Trim();
        return network switch
        {
            SocialNetwork.LinkedIn => LinkedIn(text),
            SocialNetwork.WhatsApp => WhatsApp(text),
            SocialNetwork.Other => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal)
                ? new SocialProfile { Network = network, Url = uri.AbsoluteUri } : null,
            _ when Networks.TryGetValue(network, out var n) => ByHandle(network, n, text),
            _ => null,
        };
    }

    private static SocialProfile? ByHandle(SocialNetwork network, Network n, string text)
    {
        string handle;
        if (AsUrl(text) is { } uri)
        {
            if (!n.Hosts.Contains(HostOf(uri)))
                return null;
            handle = uri.AbsolutePath.Trim('/').Split('/')[0];
        }
        else
            handle = text.TrimStart('@');
        return n.Handle.IsMatch(handle)
            ? new SocialProfile { Network = network, Handle = handle, Url = string.Format(System.Globalization.CultureInfo.InvariantCulture, n.Canonical, handle) }
            : null;
    }

    private static SocialProfile? LinkedIn(string text)
    {
        string kind = "in", slug;
        if (AsUrl(text) is { } uri)
        {
            if (HostOf(uri) != "linkedin.com")
                return null;
            var parts = uri.AbsolutePath.Trim('/').Split('/');
            if (parts.Length < 2 || parts[0] is not ("in" or "company" or "school"))
                return null;
            (kind, slug) = (parts[0], Uri.UnescapeDataString(parts[1]));
        }
        else
            slug = text.TrimStart('@');
        return LinkedInSlug().IsMatch(slug)
            ? new SocialProfile { Network = SocialNetwork.LinkedIn, Handle = slug, Url = $"https://www.linkedin.com/{kind}/{Uri.EscapeDataString(slug)}" }
            : null;
    }

    private static SocialProfile? WhatsApp(string text)
    {
        var number = text;
        if (AsUrl(text) is { } uri)
        {
            if (HostOf(uri) is not ("wa.me" or "api.whatsapp.com"))
                return null;
            number = HostOf(uri) == "wa.me" ? uri.AbsolutePath.Trim('/') : System.Web.HttpUtility.ParseQueryString(uri.Query)["phone"] ?? "";
            if (number.Length > 0 && char.IsAsciiDigit(number[0]))
                number = "+" + number;
        }
        return Kernel.Text.Phones.ToE164(number) is { } e164
            ? new SocialProfile { Network = SocialNetwork.WhatsApp, Handle = e164, Url = "https://wa.me/" + e164[1..] }
            : null;
    }

    // "t.me/x", "www.instagram.com/x" and "https://…" are links; "@x", "x" and "x.y" are handles.
    private static Uri? AsUrl(string text)
    {
        if (text.StartsWith('@') || !text.Contains('/', StringComparison.Ordinal))
            return null;
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "https://" + text;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    private static string HostOf(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        if (host.EndsWith(".linkedin.com", StringComparison.Ordinal))
            return "linkedin.com"; // country subdomains: ir.linkedin.com
        return host.StartsWith("www.", StringComparison.Ordinal) || host.StartsWith("mobile.", StringComparison.Ordinal)
            ? host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..] : host;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex TelegramHandle();

    [GeneratedRegex(@"^(?!.*\.\.)[A-Za-z0-9._]{1,30}$")]
    private static partial Regex InstagramHandle();

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$")]
    private static partial Regex XHandle();

    [GeneratedRegex(@"^[\p{L}\p{N}_-]{2,100}$")]
    private static partial Regex LinkedInSlug();
}
