using System.Text.Json;
using Peyvand.E2E.Infrastructure;

namespace Peyvand.E2E;

/// <summary>The app can be installed as a PWA: the page links a manifest whose icons load.</summary>
public sealed class InstallableTests(E2EApp app)
{
    [Fact]
    public async Task Pages_link_a_manifest_with_a_name_start_url_and_loadable_icons()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        var href = await page.GetAttributeAsync("link[rel=manifest]", "href");
        Assert.False(string.IsNullOrEmpty(href));

        var response = await page.APIRequest.GetAsync(new Uri(new Uri(app.BaseUrl), href).ToString());
        Assert.Equal(200, response.Status);
        using var manifest = JsonDocument.Parse(await response.TextAsync());
        var root = manifest.RootElement;
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("short_name").GetString()));

        var sizes = new List<string>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var iconResponse = await page.APIRequest.GetAsync(app.BaseUrl + icon.GetProperty("src").GetString());
            Assert.Equal(200, iconResponse.Status);
            sizes.Add(icon.GetProperty("sizes").GetString()!);
        }
        Assert.Contains("192x192", sizes);
        Assert.Contains("512x512", sizes);
    }
}
