using System.Text.RegularExpressions;
using Peyvand.E2E.Infrastructure;
using Peyvand.Kernel.Localization;

namespace Peyvand.E2E;

public sealed class CustomerRecordFieldsTests(E2EApp app)
{
    [Fact]
    public async Task ContactInPersian_WithIranianAddressAndConsent_ShowsThemOnIts360Page()
    {
        var email = await app.CreateUserAsync("سارا", "fa");
        var page = await app.NewPageAsync(1280, 900);
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=fa-IR");
        await page.ExpectHomeAsync();
        var lastName = "اصفهانی" + Guid.NewGuid().ToString("N")[..4];

        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", lastName);
        await page.ClickAsync(".pv-add-address");
        await page.ChooseAsync(".pv-address-row[data-row='0'] .pv-address-province", "اصفهان");
        await page.FillAsync(".pv-address-row[data-row='0'] .pv-address-city input", "کاشان");
        await page.FillAsync(".pv-address-row[data-row='0'] .pv-address-line1 input", "خیابان امیرکبیر، پلاک ۱۲");

        // A bad postal code is refused next to its input; Persian digits are accepted.
        await page.FillAsync(".pv-address-row[data-row='0'] .pv-address-postal-code input", "۱۲۳۴۵۶۷۸۹۰");
        await page.ChooseAsync(".pv-consent-email", "داده شده");
        await page.FillAsync(".pv-consent-email-source input", "فرم وب");
        await page.ClickAsync(".pv-save");
        await page.Locator(".pv-address-postal-code .mud-input-helper-text", new() { HasText = "کد پستی معتبر نیست" }).WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "contact-address-error-fa");

        await page.FillAsync(".pv-address-row[data-row='0'] .pv-address-postal-code input", "۸۷۱۳۷-۶۴۸۹۱");
        await E2EApp.ScreenshotAsync(page, "contact-record-fields-form-fa");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator(".pv-contact-name", new() { HasText = lastName }).WaitForAsync();

        var address = await page.InnerTextAsync("dd.pv-addresses");
        Assert.Contains("کاشان", address);
        Assert.Contains("اصفهان", address);
        Assert.Contains(Digits.ToPersian("8713764891"), address);
        var consent = await page.InnerTextAsync("dd.pv-consent .pv-consent-email");
        Assert.Contains("داده شده", consent);
        Assert.Contains("فرم وب", consent);
        Assert.Matches("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", consent); // stamped by the server, shown in the Jalali calendar
        Assert.Contains("نامشخص", await page.InnerTextAsync("dd.pv-consent .pv-consent-sms"));
        await E2EApp.ScreenshotAsync(page, "contact-record-fields-360-fa");

        // At phone width the form with an address still fits.
        await page.SetViewportSizeAsync(360, 740);
        await page.ClickAsync(".pv-edit");
        await page.WaitForURLAsync(new Regex("/edit$"));
        await page.Locator(".pv-address-row").WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "contact-record-fields-form-fa-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The form scrolls sideways at 360 px.");
    }

}
