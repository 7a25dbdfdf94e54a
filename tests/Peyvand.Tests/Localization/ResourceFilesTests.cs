using System.Globalization;
using System.Resources;
using Peyvand.Web.Components.Account;
using Peyvand.Web.Components.Customers;
using Peyvand.Web.Components.Shared;

namespace Peyvand.Tests.Localization;

public sealed class ResourceFilesTests
{
    public static TheoryData<string> Resources => new() { nameof(AccountText), nameof(SharedText), nameof(CustomersText) };

    [Theory]
    [MemberData(nameof(Resources))]
    public void PersianAndEnglish_HaveTheSameKeys_AndNoEmptyText(string name)
    {
        var type = name switch
        {
            nameof(AccountText) => typeof(AccountText),
            nameof(CustomersText) => typeof(CustomersText),
            _ => typeof(SharedText),
        };
        var manager = new ResourceManager(type.FullName!, type.Assembly);
        var english = Read(manager, CultureInfo.InvariantCulture);
        var persian = Read(manager, CultureInfo.GetCultureInfo("fa"));

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(), persian.Keys.Order());
        Assert.All(english.Concat(persian), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
    }

    private static Dictionary<string, string> Read(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
}
