using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Peyvand.E2E.Infrastructure;

namespace Peyvand.E2E;

/// <summary>
/// The shared date, time and number inputs inside real forms: a refused entry stops the Save (nothing is stored, the
/// field says why), the time field's clock works, and every number input takes Persian and Arabic-Indic digits.
/// </summary>
public sealed class FormInputTests(E2EApp app)
{
    [Fact]
    public async Task An_impossible_birthday_on_a_new_contact_stops_the_save_and_is_explained_in_Persian()
    {
        var page = await SignedInPageAsync("fa-IR", "sales-rep");
        var lastName = "ناممکن" + Journeys.PersianSuffix();
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", lastName);
        await page.FillAsync(".pv-birthday input", "۱۴۰۲/۱۲/۳۰"); // 1402 is not a leap year
        await page.ClickAsync(".pv-save");

        var error = page.Locator(".pv-birthday .mud-input-helper-text.mud-input-error");
        await Assertions.Expect(error).ToHaveTextAsync("اسفند ۱۴۰۲ فقط ۲۹ روز دارد.");
        await page.WaitForTimeoutAsync(1000); // a save would navigate away by now
        Assert.EndsWith("/contacts/new", page.Url);
        Assert.Equal(0, await app.CountContactsAsync(lastName));
        await E2EApp.ScreenshotAsync(page, "contact-refused-birthday-save-fa");

        // Corrected, it saves.
        await page.FillAsync(".pv-birthday input", "۱۴۰۲/۱۲/۲۹");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator("dd", new() { HasTextString = "۲۹ اسفند ۱۴۰۲" }).WaitForAsync();
        Assert.Equal(1, await app.CountContactsAsync(lastName));
    }

    [Fact]
    public async Task An_impossible_birthday_when_editing_keeps_the_saved_one_and_is_explained_in_English()
    {
        var page = await SignedInPageAsync("en-US", "sales-rep");
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "Impossible" + Journeys.PersianSuffix());
        await page.FillAsync(".pv-birthday input", "1370/06/15");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        var detail = page.Url;
        await page.Locator("dd", new() { HasTextString = "15 Shahrivar 1370" }).WaitForAsync();

        await page.GotoAsync(detail + "/edit");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".pv-birthday input")).ToHaveValueAsync("1370/06/15");
        await page.FillAsync(".pv-birthday input", "1403/12/31"); // even a leap Esfand has only 30 days
        await page.ClickAsync(".pv-save");
        await Assertions.Expect(page.Locator(".pv-birthday .mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Esfand 1403 has only 30 days.");
        await page.WaitForTimeoutAsync(1000);
        Assert.EndsWith("/edit", page.Url);
        await E2EApp.ScreenshotAsync(page, "contact-refused-birthday-save-en");

        await page.GotoAsync(detail);
        await page.WaitForCircuitAsync();
        await page.Locator("dd", new() { HasTextString = "15 Shahrivar 1370" }).WaitForAsync();
    }

    [Fact]
    public async Task A_meeting_time_is_picked_on_the_clock_in_Persian_digits_and_an_impossible_time_stops_the_save()
    {
        var page = await SignedInPageAsync("fa-IR", "sales-rep", 360, 740);
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "جلسه" + Journeys.PersianSuffix());
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator(".pv-composer").WaitForAsync();
        await page.Locator(".pv-kinds").GetByText("جلسه", new() { Exact = true }).ClickAsync();
        var subject = "جلسهٔ فروش " + Journeys.PersianSuffix();
        await page.FillAsync(".pv-subject input", subject);

        // The start time from the clock: 10 on the inner ring, then 30 minutes.
        var start = page.Locator(".pv-time").First;
        await start.Locator(".mud-input-adornment button").ClickAsync();
        var clock = page.Locator(".pv-time-popover .mud-picker-time-clock");
        await clock.WaitForAsync();
        await clock.Locator(".mud-picker-stick-inner.mud-hour[data-stick-value='10']").ClickAsync(new() { Force = true });
        await Assertions.Expect(start.Locator("input")).ToHaveValueAsync("۱۰:۰۰", new() { Timeout = 15000 }); // the clock answers over the circuit
        await clock.Locator(".mud-picker-stick.mud-minute[data-stick-value='30']").ClickAsync(new() { Force = true });
        await Assertions.Expect(start.Locator("input")).ToHaveValueAsync("۱۰:۳۰", new() { Timeout = 15000 });
        Assert.True(await page.FitsWidthAsync(), "The clock scrolls the page sideways at 360 px.");
        await E2EApp.ScreenshotAsync(page, "time-picker-fa-phone");
        await page.ClickAsync(".pv-time-close");

        // An impossible end time is refused and the meeting is not saved.
        await page.Locator(".pv-date input").First.FillAsync("۱۴۰۵/۱۰/۰۱");
        await page.Locator(".pv-date input").Nth(1).FillAsync("۱۴۰۵/۱۰/۰۱");
        await page.Locator(".pv-date input").Nth(1).PressAsync("Tab");
        var end = page.Locator(".pv-time").Nth(1);
        await Assertions.Expect(end.Locator("input")).ToHaveValueAsync("۱۰:۰۰"); // the default end time, before typing over it
        await end.Locator("input").FillAsync("۲۴:۳۰");
        await page.ClickAsync(".pv-save-activity");
        await Assertions.Expect(end.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("۰۰:۰۰ تا ۲۳:۵۹");
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal(0, await page.Locator(".pv-timeline-item.pv-type-meeting").CountAsync());
        await E2EApp.ScreenshotAsync(page, "meeting-refused-time-fa-phone");

        // Arabic-Indic digits are read; the meeting saves.
        await end.Locator("input").FillAsync("١١:٤٥");
        await end.Locator("input").PressAsync("Tab");
        await Assertions.Expect(end.Locator("input")).ToHaveValueAsync("۱۱:۴۵");
        await page.ClickAsync(".pv-save-activity");
        await page.Locator(".pv-timeline-item.pv-type-meeting", new() { HasText = subject }).WaitForAsync();
    }

    [Fact]
    public async Task Number_inputs_take_Persian_and_Arabic_Indic_digits()
    {
        // A call's duration in Persian digits.
        var page = await SignedInPageAsync("fa-IR", "administrator");
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "تماس" + Journeys.PersianSuffix());
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator(".pv-composer").WaitForAsync();
        await page.Locator(".pv-kinds").GetByText("تماس", new() { Exact = true }).ClickAsync();
        await page.FillAsync(".pv-subject input", "پیگیری " + Journeys.PersianSuffix());
        await page.FillAsync(".pv-duration input", "۴۵");
        await page.Locator(".pv-duration input").PressAsync("Tab");
        await Assertions.Expect(page.Locator(".pv-duration input")).ToHaveValueAsync("۴۵");
        await page.ClickAsync(".pv-save-activity");
        await page.Locator(".pv-timeline-item.pv-type-call", new() { HasText = "۴۵" }).WaitForAsync();

        // A letter in the duration is refused and stops the save.
        await page.Locator(".pv-kinds").GetByText("تماس", new() { Exact = true }).ClickAsync();
        await page.FillAsync(".pv-subject input", "دوم " + Journeys.PersianSuffix());
        await page.FillAsync(".pv-duration input", "۴۵ دقیقه");
        await page.ClickAsync(".pv-save-activity");
        await Assertions.Expect(page.Locator(".pv-duration .mud-input-helper-text.mud-input-error")).ToHaveTextAsync("یک عدد صحیح وارد کنید.");
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal(1, await page.Locator(".pv-timeline-item.pv-type-call").CountAsync());

        // A customer category's order in Arabic-Indic digits.
        var name = "دسته " + Journeys.PersianSuffix();
        await page.GotoAsync("/admin/customer-categories");
        await page.WaitForCircuitAsync();
        await page.ClickAsync(".pv-new-category");
        await page.FillAsync(".pv-category-fa input", name);
        await page.FillAsync(".pv-category-en input", "Category " + Journeys.PersianSuffix());
        await page.FillAsync(".pv-category-order input", "١٥٠");
        await page.Locator(".pv-category-order input").PressAsync("Tab");
        await Assertions.Expect(page.Locator(".pv-category-order input")).ToHaveValueAsync("۱۵۰");
        await E2EApp.ScreenshotAsync(page, "category-order-fa");
        await page.ClickAsync(".pv-save-category");
        await page.Locator(".pv-categories tr", new() { HasText = name }).Locator("td", new() { HasText = "۱۵۰" }).WaitForAsync();

        // A custom number field's limits, with separators and the Persian decimal mark.
        await page.GotoAsync("/admin/custom-fields");
        await page.WaitForCircuitAsync();
        await page.ClickAsync(".pv-cf-new");
        await page.ClickAsync(".pv-cf-type");
        await page.Locator(".mud-popover-open").GetByText("عدد", new() { Exact = true }).ClickAsync();
        await page.FillAsync(".pv-cf-min input", "۱٬۰۰۰");
        await page.Locator(".pv-cf-min input").PressAsync("Tab");
        await page.FillAsync(".pv-cf-max input", "٢٥٠٠٫٥");
        await page.Locator(".pv-cf-max input").PressAsync("Tab");
        await Assertions.Expect(page.Locator(".pv-cf-min input")).ToHaveValueAsync("۱۰۰۰");
        await Assertions.Expect(page.Locator(".pv-cf-max input")).ToHaveValueAsync("۲۵۰۰٫۵");
        await E2EApp.ScreenshotAsync(page, "custom-field-number-limits-fa");

        // The service's refusal (maximum below minimum) is shown under the field in Persian.
        await page.FillAsync(".pv-cf-label-fa input", "بودجه");
        await page.FillAsync(".pv-cf-key input", "budget_" + Guid.NewGuid().ToString("N")[..6]);
        await page.FillAsync(".pv-cf-max input", "۵۰۰");
        await page.Locator(".pv-cf-max input").PressAsync("Tab");
        await page.ClickAsync(".pv-cf-save");
        await Assertions.Expect(page.Locator(".pv-cf-max .mud-input-helper-text.mud-input-error")).ToHaveTextAsync("بیشینه نباید از کمینه کمتر باشد.");
        await E2EApp.ScreenshotAsync(page, "custom-field-max-below-min-fa");
    }

    private async Task<IPage> SignedInPageAsync(string culture, string role, int width = 1280, int height = 800)
    {
        var email = await app.CreateUserAsync(culture == "fa-IR" ? "سارا" : "Sara", culture[..2], roleKey: role);
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();
        return page;
    }
}
