using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Peyvand.E2E.Infrastructure;
using Peyvand.Kernel.Localization;

namespace Peyvand.E2E;

public sealed class CustomerPagesTests(E2EApp app)
{
    [Fact]
    public async Task ContactInPersian_IsFoundByPersianSpelling_ShowsItsPhone_AndShowsFieldErrorsOnTheRightInputs()
    {
        var page = await SignedInPageAsync("fa-IR");
        var lastName = "کریمی" + Journeys.PersianSuffix();
        var local = "912" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Arabic yeh (ي) in the name, Persian digits in the phone.
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-first-name input", "علي");
        await page.FillAsync(".pv-last-name input", lastName);
        await page.FillAsync(".pv-phone-value input", Digits.ToPersian("0" + local));
        await E2EApp.ScreenshotAsync(page, "contact-new-fa");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        var detailUrl = page.Url;

        var phone = (await page.InnerTextAsync(".pv-phone")).Trim();
        Assert.Equal(Digits.ToPersian($"+98 {local[..3]} {local[3..6]} {local[6..]}"), phone);
        Assert.Equal($"tel:+98{local}", await page.GetAttributeAsync(".pv-phones a", "href"));
        Assert.Matches("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", await page.InnerTextAsync(".pv-created"));
        await E2EApp.ScreenshotAsync(page, "contact-detail-fa");

        // The global search finds it by the Persian spelling (ی) and opens it.
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-global-search input", "علی " + lastName);
        var hit = page.Locator(".pv-search-hit", new() { HasText = lastName });
        await hit.WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "global-search-fa");
        // One click opens it: a late search answer cannot re-render the list under the pointer.
        await hit.ClickAsync();
        await page.WaitForURLAsync(detailUrl); // no second click: the first must do (slow only when the machine is busy)
        await page.Locator(".pv-contact-name", new() { HasText = lastName }).WaitForAsync();

        // Edit: a bad national ID and a bad second phone get their errors next to their own inputs.
        await page.ClickAsync(".pv-edit");
        await page.WaitForURLAsync(new Regex("/edit$"));
        await page.Locator(".pv-national-id input").WaitForAsync();
        await page.FillAsync(".pv-national-id input", "۱۲۳۴۵۶۷۸۹۰");
        await page.ClickAsync(".pv-add-phone");
        await page.FillAsync(".pv-point-row[data-row='1'] .pv-phone-value input", "۱۲۳");
        await page.ClickAsync(".pv-save");
        // The service's own message, in Persian (the UI keeps no copy of it).
        await Assertions.Expect(page.Locator(".pv-national-id .mud-input-helper-text.mud-input-error"))
            .ToHaveTextAsync("کد ملی معتبر نیست: کد ملی ۱۰ رقم است و رقم کنترل آن باید درست باشد.");
        Assert.Contains("شماره تلفن معتبر نیست", await page.InnerTextAsync(".pv-phone-value >> nth=1"));
        Assert.DoesNotContain("شماره تلفن معتبر نیست", await page.InnerTextAsync(".pv-phone-value >> nth=0"));
        await E2EApp.ScreenshotAsync(page, "contact-edit-errors-fa");

        await page.ClickAsync(".pv-point-row[data-row='1'] button[aria-label^='حذف']");
        await page.FillAsync(".pv-national-id input", "۰۰۱۲۳۴۵۶۷۹");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(detailUrl);
        await page.GetByText("۰۰۱۲۳۴۵۶۷۹").WaitForAsync();
    }

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task ContactsList_AtPhoneWidth_ShowsCards_AndFits(string culture)
    {
        var page = await SignedInPageAsync(culture, 360, 740);
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-first-name input", culture == "fa-IR" ? "مینا" : "Mina");
        await page.FillAsync(".pv-last-name input", (culture == "fa-IR" ? "رستمی" : "Rostami") + Journeys.PersianSuffix());
        await page.FillAsync(".pv-phone-value input", "09121234567");
        Assert.True(await page.FitsWidthAsync(), "The contact form scrolls sideways at 360 px.");
        await E2EApp.ScreenshotAsync(page, $"contact-form-{culture}-phone");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator(".pv-contact-name").WaitForAsync();
        Assert.True(await page.FitsWidthAsync(), "The contact page scrolls sideways at 360 px.");
        await E2EApp.ScreenshotAsync(page, $"contact-detail-{culture}-phone");

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await page.Locator(".pv-contact-link").First.WaitForAsync();
        Assert.True(await page.FitsWidthAsync(), "The contact list scrolls sideways at 360 px.");
        Assert.False(await page.Locator(".pv-contacts thead").IsVisibleAsync());
        await E2EApp.ScreenshotAsync(page, $"contacts-{culture}-phone");
    }

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task ContactsListAndForm_HaveNoSeriousOrCriticalAxeViolations(string culture)
    {
        var page = await SignedInPageAsync(culture);
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.Locator(".pv-first-name input").WaitForAsync();
        await AssertAccessibleAsync(page, "contact form");
        await E2EApp.ScreenshotAsync(page, $"contact-form-{culture}");

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await page.Locator(".pv-contacts").WaitForAsync();
        await AssertAccessibleAsync(page, "contact list");
        await E2EApp.ScreenshotAsync(page, $"contacts-{culture}");

        await page.GotoAsync("/companies/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-company-name input", culture == "fa-IR" ? "شرکت نمونه" + Journeys.PersianSuffix() : "Sample Co " + Journeys.PersianSuffix());
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/companies/[0-9a-f-]{36}$"));
        await AssertAccessibleAsync(page, "company page");
        await E2EApp.ScreenshotAsync(page, $"company-detail-{culture}");
    }

    [Fact]
    public async Task Birthday_TypedInPersianDigits_IsSaved_AndAnImpossibleDayIsExplainedUnderTheField()
    {
        var page = await SignedInPageAsync("fa-IR", 360, 740);
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "تولد" + Journeys.PersianSuffix());
        var birthday = page.Locator(".pv-birthday input");

        // 1402 is not a leap year: Esfand has 29 days.
        await birthday.FillAsync("۱۴۰۲/۱۲/۳۰");
        await birthday.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".pv-birthday .mud-input-helper-text.mud-input-error")).ToHaveTextAsync("اسفند ۱۴۰۲ فقط ۲۹ روز دارد.");
        await E2EApp.ScreenshotAsync(page, "contact-birthday-error-fa-phone");

        await birthday.FillAsync("1370/6/15");
        await birthday.PressAsync("Tab");
        await Assertions.Expect(birthday).ToHaveValueAsync("۱۳۷۰/۰۶/۱۵");
        await Assertions.Expect(page.Locator(".pv-birthday .mud-input-helper-text.mud-input-error")).ToHaveCountAsync(0);

        // The calendar button opens a Jalali month.
        await page.ClickAsync(".pv-birthday .mud-input-adornment button");
        await page.Locator(".pv-date-popover .mud-picker-calendar-header-switch", new() { HasTextString = "شهریور" }).WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "contact-birthday-calendar-fa-phone");
        await page.ClickAsync(".pv-date-close");

        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator("dd", new() { HasTextString = "۱۵ شهریور ۱۳۷۰" }).WaitForAsync();
    }

    [Fact]
    public async Task Company_ListsTheContactCreatedFromItsPage()
    {
        var page = await SignedInPageAsync("en-US");
        var company = "Pars Trading " + Journeys.PersianSuffix();
        await page.GotoAsync("/companies/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-company-name input", company);
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/companies/[0-9a-f-]{36}$"));
        var companyUrl = page.Url;

        await page.ClickAsync(".pv-new-company-contact");
        await page.WaitForURLAsync(new Regex("/contacts/new\\?companyId="));
        await Assertions.Expect(page.Locator(".pv-company input")).ToHaveValueAsync(company);
        var lastName = "Tehrani" + Journeys.PersianSuffix();
        await page.FillAsync(".pv-last-name input", lastName);
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));

        await page.ClickAsync($".pv-facts a:has-text('{company}')");
        await page.WaitForURLAsync(companyUrl);
        await page.Locator(".pv-company-contacts a", new() { HasText = lastName }).WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "company-with-contact-en-US");
    }

    [Fact]
    public async Task CreatingAContactWithAnExistingEmail_WarnsWithALinkToTheExistingOne_AndCanCreateAnyway()
    {
        var page = await SignedInPageAsync("en-US");
        var email = $"dup-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "Original");
        await page.FillAsync(".pv-email-value input", email);
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        var originalPath = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "Copy");
        await page.FillAsync(".pv-email-value input", email.ToUpperInvariant());
        await page.ClickAsync(".pv-save");
        var link = page.Locator(".pv-duplicates .pv-duplicate-link", new() { HasText = "Original" });
        await link.WaitForAsync();
        Assert.Equal(originalPath, await link.GetAttributeAsync("href"));
        Assert.Contains("same email", await page.InnerTextAsync(".pv-duplicates"));
        Assert.EndsWith("/contacts/new", page.Url); // nothing saved yet
        await E2EApp.ScreenshotAsync(page, "contact-duplicate-warning-en");

        await page.ClickAsync(".pv-create-anyway");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        Assert.NotEqual(originalPath, new Uri(page.Url).AbsolutePath);
    }

    private async Task<IPage> SignedInPageAsync(string culture, int width = 1280, int height = 800)
    {
        var email = await app.CreateUserAsync(culture == "fa-IR" ? "سارا" : "Sara", culture[..2]);
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
