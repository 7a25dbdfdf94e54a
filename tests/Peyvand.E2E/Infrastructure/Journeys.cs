using System.Text.RegularExpressions;

namespace Peyvand.E2E.Infrastructure;

/// <summary>Steps that many journeys share, written the way a person does them.</summary>
public static class Journeys
{
    public static async Task SignInAsync(this IPage page, string email, string password, string path = "/account/login")
    {
        await page.GotoAsync(path);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>
    /// Signs in as the shared administrator and keeps <paramref name="culture"/> for this browser session: signing in takes
    /// the profile's language, which other tests change (choosing a language while signed in saves it to the profile).
    /// </summary>
    public static async Task SignInAsAdminAsync(this IPage page, E2EApp app, string culture)
    {
        await page.SignInAsync(app.AdminEmail, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();
        await page.GotoAsync($"/?culture={culture}");
        await page.ExpectHomeAsync();
    }

    /// <summary>The shell is server-interactive: until its circuit is up, clicks do nothing.</summary>
    public static async Task WaitForCircuitAsync(this IPage page) =>
        await page.WaitForSelectorAsync("[data-circuit=on]");

    public static async Task ExpectHomeAsync(this IPage page)
    {
        await page.WaitForURLAsync(new Regex("/$"));
        await page.WaitForSelectorAsync(".pv-welcome");
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.WaitForCircuitAsync();
        await page.ClickAsync("button[aria-label='Account menu'], button[aria-label='منوی حساب کاربری']");
        await page.ClickAsync(".pv-logout-form button");
        await page.WaitForURLAsync(new Regex("/account/login"));
    }

    /// <summary>Four random Persian letters: keeps names made by different tests (and reruns) apart.</summary>
    public static string PersianSuffix() => new(Enumerable.Range(0, 4).Select(_ => "ابپتثجحخدرزسشصطعفقکگلمنوهی"[Random.Shared.Next(26)]).ToArray());

    /// <summary>
    /// Picks <paramref name="option"/> (its whole text) in the MudSelect that <paramref name="select"/> names (the select or an
    /// element around it) the way a person does: opens the list and clicks the item. A click that lands while the circuit
    /// re-renders the form can leave the list closed; a person clicks again, and so does this (three tries).
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string select, string option)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(option)}\s*$") }).First;
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator($"{select}.mud-input-control, {select} .mud-input-control").First.ClickAsync();
            try
            {
                await item.WaitForAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // not open (or not yet filled): try again
            }
        }
        await item.ClickAsync();
    }

    /// <summary>True when nothing makes the page scroll sideways (the phone-width checks).</summary>
    public static Task<bool> FitsWidthAsync(this IPage page) => page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");
}
