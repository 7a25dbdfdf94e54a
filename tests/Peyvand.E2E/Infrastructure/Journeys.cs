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

    /// <summary>True when nothing makes the page scroll sideways (the phone-width checks).</summary>
    public static Task<bool> FitsWidthAsync(this IPage page) => page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");
}
