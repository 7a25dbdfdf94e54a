using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Peyvand.Kernel.Localization;

/// <summary>
/// One area's messages (validation errors, problem texts) in the caller's language: the current UI culture, which the
/// request localisation sets from the user's language (or, for the API, Accept-Language) and a Blazor circuit keeps.
/// English is the neutral resource, Persian its <c>.fa</c> pair. Numbers given as arguments are written with Persian
/// digits in Persian messages; text arguments (codes, field keys, names) are inserted as they are.
/// </summary>
public sealed class Messages(string baseName, Assembly assembly)
{
    private readonly ResourceManager resources = new(baseName, assembly);

    public static bool IsPersian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa";

    public string Get(string name) => resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;

    /// <summary>A message in the given language ("fa" or "en") rather than the current one.</summary>
    public string In(string language, string name) =>
        resources.GetString(name, CultureInfo.GetCultureInfo(language == "fa" ? "fa" : "en")) ?? name;

    public string Format(string name, params object?[] args)
    {
        var persian = IsPersian;
        return string.Format(CultureInfo.InvariantCulture, Get(name), args.Select(a => Argument(a, persian)).ToArray());
    }

    /// <summary>A list of codes or names joined the way the language joins them ("a, b" or «a، b»).</summary>
    public static string List(IEnumerable<string> items) => string.Join(IsPersian ? "، " : ", ", items);

    /// <summary>A number as the current language writes it (Persian digits in fa).</summary>
    public static string Number(IFormattable number)
    {
        var text = number.ToString(null, CultureInfo.InvariantCulture);
        return IsPersian ? Digits.ToPersian(text) : text;
    }

    private static object? Argument(object? arg, bool persian) => arg switch
    {
        int or long or short or decimal or double or float when persian =>
            Digits.ToPersian(((IFormattable)arg).ToString(null, CultureInfo.InvariantCulture)),
        _ => arg,
    };
}
