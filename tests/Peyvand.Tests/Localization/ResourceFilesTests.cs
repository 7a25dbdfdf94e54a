using System.Globalization;
using System.Resources;
using Peyvand.Web.Components.Shared;

namespace Peyvand.Tests.Localization;

public sealed class ResourceFilesTests
{
    private static readonly System.Reflection.Assembly[] Assemblies =
    [
        typeof(SharedText).Assembly, typeof(global::Peyvand.Kernel.CustomFields.CustomFieldText).Assembly,
        typeof(global::Peyvand.Customers.Features.CustomerText).Assembly, typeof(global::Peyvand.Identity.Features.IdentityText).Assembly,
    ];

    // Every neutral resource file compiled into the web app, the kernel and the modules, so a new area's texts are checked without listing them here.
    public static TheoryData<string> Resources => new(Assemblies.SelectMany(a => a.GetManifestResourceNames())
        .Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
        .Select(n => n[..^".resources".Length]));

    [Theory]
    [MemberData(nameof(Resources))]
    public void PersianAndEnglish_HaveTheSameKeys_AndNoEmptyText(string baseName)
    {
        var manager = new ResourceManager(baseName, Assemblies.Single(a => a.GetManifestResourceNames().Contains(baseName + ".resources")));
        var english = Read(manager, CultureInfo.InvariantCulture);
        var persian = Read(manager, CultureInfo.GetCultureInfo("fa"));

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(), persian.Keys.Order());
        Assert.All(english.Concat(persian), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
        // A message with arguments takes the same ones in both languages (a missing {1} would drop a value; an extra one throws).
        Assert.All(english, entry => Assert.Equal(Placeholders(entry.Value), Placeholders(persian[entry.Key])));
    }

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)[^}]*\}").Select(m => m.Groups[1].Value).Distinct().Order()];

    private static Dictionary<string, string> Read(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
}
