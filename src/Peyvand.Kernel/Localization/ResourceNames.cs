using System.Collections.Concurrent;

namespace Peyvand.Kernel.Localization;

/// <summary>
/// What a resource ("contacts", "api-keys") is called in the caller's language, for messages and the UI. The module that
/// owns a resource registers its name together with the <see cref="Messages"/> that hold <c>Resource_{name}</c>.
/// </summary>
public static class ResourceNames
{
    private static readonly ConcurrentDictionary<string, Messages> Sources = new(StringComparer.Ordinal);

    static ResourceNames() =>
        Register(Api.ApiText.M, CustomFields.CustomFieldResource.ResourceName, "notifications");

    public static void Register(Messages messages, params IEnumerable<string> names)
    {
        foreach (var name in names)
            Sources[name] = messages;
    }

    public static string Key(string name) => "Resource_" + name;

    /// <summary>The resource's name in the current language; an unregistered one as it is.</summary>
    public static string Display(string name) => Sources.TryGetValue(name, out var messages) ? messages.Get(Key(name)) : name;

    /// <summary>The resource's name in the given language ("fa" or "en"), or null when no module registered it.</summary>
    public static string? In(string language, string name) =>
        Sources.TryGetValue(name, out var messages) ? messages.In(language, Key(name)) : null;
}
