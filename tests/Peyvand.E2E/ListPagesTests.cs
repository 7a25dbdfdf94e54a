using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Customers;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.E2E.Infrastructure;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.E2E;

public sealed class ListPagesTests(E2EApp app)
{
    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task SelectTwoContacts_BulkAddATag_SeeTheSummary_AndExportTheViewAsCsv(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(fa ? "سارا" : "Sara", culture[..2]);
        var family = (fa ? "انبوه" : "Bulk") + Guid.NewGuid().ToString("N")[..6];
        await CreateContactsAsync(email, family, fa ? ["مریم", "نرگس"] : ["Maryam", "Narges"]);
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-contact-search input", family);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        var boxes = page.Locator(".pv-contacts tbody .mud-checkbox input");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await Assertions.Expect(page.Locator(".pv-selected-count")).ToContainTextAsync(fa ? "۲" : "2");
        await E2EApp.ScreenshotAsync(page, $"contacts-selected-{culture}-{width}");
        await page.Locator(".pv-bulk-action .mud-select-input").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync(); // add tag
        await page.FillAsync(".pv-bulk-value input", "vip-e2e");
        await E2EApp.ScreenshotAsync(page, $"contacts-bulk-bar-{culture}-{width}");
        await page.ClickAsync(".pv-bulk-apply");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = fa ? "اعمال" : "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator(".pv-bulk-summary")).ToContainTextAsync(fa ? "۲ تغییر کرد" : "2 changed");
        await E2EApp.ScreenshotAsync(page, $"contacts-bulk-summary-{culture}-{width}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways.");

        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.ClickAsync(".pv-export");
            await page.ClickAsync(".pv-export-csv");
        });
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // the header and the two contacts of this view
        Assert.StartsWith(fa ? "نام," : "Name,", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..], l => Assert.Contains(family, l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task FilterContactsByACustomSelectField_SeeTheChip_ExportTheFilteredView_AndRemoveTheFilter(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(fa ? "نیما" : "Nima", culture[..2]);
        var key = "tier" + Guid.NewGuid().ToString("N")[..6];
        var family = (fa ? "سطح" : "Tier") + Guid.NewGuid().ToString("N")[..6];
        await CreateTierFieldAsync(key);
        await CreateContactsAsync(email, family, fa ? ["طلا", "نقره"] : ["Gold", "Silver"],
            first => new Dictionary<string, System.Text.Json.JsonElement> { [key] = System.Text.Json.JsonSerializer.SerializeToElement(first is "طلا" or "Gold" ? "gold" : "silver") });
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        if (width < 600)
        {
            // On a phone the filter is one folded line until opened.
            await Assertions.Expect(page.Locator(".pv-cf-filter-field")).ToBeHiddenAsync();
            var folded = await page.Locator(".pv-cf-filter").BoundingBoxAsync();
            Assert.True(folded!.Height < 60, $"The folded custom-field filter is {folded.Height}px tall.");
            await E2EApp.ScreenshotAsync(page, $"contacts-cf-filter-folded-{culture}-{width}");
            await page.ClickAsync(".pv-cf-filter-toggle");
        }
        else
        {
            await Assertions.Expect(page.Locator(".pv-cf-filter-toggle")).ToBeHiddenAsync();
        }
        await page.ChooseAsync(".pv-cf-filter-field", (fa ? "سطح مشتری " : "Customer tier ") + key);
        await page.ChooseAsync(".pv-cf-filter-value", fa ? "طلایی" : "Golden");
        await E2EApp.ScreenshotAsync(page, $"contacts-cf-filter-{culture}-{width}");
        await page.ClickAsync(".pv-cf-filter-add");

        await Assertions.Expect(page.Locator(".pv-cf-chip")).ToContainTextAsync((fa ? "سطح مشتری " : "Customer tier ") + key + (fa ? " برابر طلایی" : " is Golden"));
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToContainTextAsync(fa ? "طلا" : "Gold");
        await E2EApp.ScreenshotAsync(page, $"contacts-cf-filtered-{culture}-{width}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways.");

        // The export is the filtered view.
        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.ClickAsync(".pv-export");
            await page.ClickAsync(".pv-export-csv");
        });
        var lines = Encoding.UTF8.GetString((await File.ReadAllBytesAsync(await download.PathAsync()))[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(family, lines[1], StringComparison.Ordinal);

        await page.Locator(".pv-cf-chip .mud-chip-close-button").ClickAsync();
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-cf-chip")).ToHaveCountAsync(0);

        // The sort menu offers the custom field both ways.
        await page.ChooseAsync(".pv-sort", (fa ? "سطح مشتری " : "Customer tier ") + key + (fa ? "، نزولی" : ", descending"));
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(fa ? "نقره" : "Silver");
        await page.ChooseAsync(".pv-sort", (fa ? "سطح مشتری " : "Customer tier ") + key + (fa ? "، صعودی" : ", ascending"));
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(fa ? "طلا" : "Gold");
    }

    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task The_360_timeline_names_changed_fields_and_their_values_in_the_users_language(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(fa ? "نیما" : "Nima", culture[..2]);
        var key = "tier" + Guid.NewGuid().ToString("N")[..6];
        var family = (fa ? "تاریخچه" : "History") + Guid.NewGuid().ToString("N")[..6];
        await CreateTierFieldAsync(key);
        await CreateContactsAsync(email, family, [fa ? "طلا" : "Gold"],
            _ => new Dictionary<string, System.Text.Json.JsonElement> { [key] = System.Text.Json.JsonSerializer.SerializeToElement("gold") });
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
            id = (await db.Set<Contact>().SingleAsync(c => c.LastName == family)).Id;
            var contacts = scope.ServiceProvider.GetRequiredService<ResourceService<Contact, ContactWrite, ContactView>>();
            var write = await contacts.GetForEditAsync(id, CancellationToken.None);
            await contacts.UpdateAsync(id, write with
            {
                LifecycleStage = LifecycleStage.Customer,
                CustomFields = new Dictionary<string, System.Text.Json.JsonElement> { [key] = System.Text.Json.JsonSerializer.SerializeToElement("silver") },
            }, null, CancellationToken.None);
        }

        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();
        await page.GotoAsync($"/contacts/{id}");
        await page.WaitForCircuitAsync();
        await page.ClickAsync(".pv-filter-change");
        var change = page.Locator(".pv-timeline-item.pv-type-change", new() { HasText = fa ? "مرحله چرخه عمر" : "Lifecycle stage" });
        await Assertions.Expect(change).ToContainTextAsync(fa ? "مرحله چرخه عمر: سرنخ ← مشتری" : "Lifecycle stage: Lead → Customer");
        await Assertions.Expect(change).ToContainTextAsync(fa ? $"سطح مشتری {key}: طلایی ← نقره‌ای" : $"Customer tier {key}: Golden → Silvery");
        await Assertions.Expect(change).Not.ToContainTextAsync("lifecycleStage");
        await change.ScrollIntoViewIfNeededAsync();
        await E2EApp.ScreenshotAsync(page, $"contact-timeline-changes-{culture}-{width}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The 360 page scrolls sideways.");
    }

    private async Task CreateTierFieldAsync(string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var fields = scope.ServiceProvider.GetRequiredService<ResourceService<CustomFieldDefinition, CustomFieldWrite, CustomFieldView>>();
        await fields.CreateAsync(new CustomFieldWrite(CustomersModule.Contacts, key, CustomFieldType.SingleSelect, "سطح مشتری " + key, "Customer tier " + key,
            Options: [new("gold", "طلایی", "Golden"), new("silver", "نقره‌ای", "Silvery")]), CancellationToken.None);
    }

    // Contacts owned by the user with this email, made through the same service the API uses.
    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task Open_more_filters_keep_contacts_with_an_email_and_sort_them_in_funnel_order(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var (page, _, (customer, _, subscriber)) = await ThreeContactsOnTheListAsync(culture, width, height, fa ? "پرستو" : "Parastoo", fa ? "قیف" : "Funnel");
        // The rarer filters are one folded line until opened, on every width.
        await Assertions.Expect(page.Locator(".pv-filter-hasEmail")).ToHaveCountAsync(0);
        Assert.True((await page.Locator(".pv-more-filters").BoundingBoxAsync())!.Height < 60, "The folded filters take more than a line.");
        await E2EApp.ScreenshotAsync(page, $"contacts-more-filters-folded-{culture}-{width}");

        await page.ClickAsync(".pv-more-filters-toggle");
        await page.ChooseAsync(".pv-filter-hasEmail", fa ? "بله" : "Yes");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-more-filters-toggle")).ToContainTextAsync(fa ? "(۱)" : "(1)");
        await E2EApp.ScreenshotAsync(page, $"contacts-more-filters-{culture}-{width}");

        await page.ChooseAsync(".pv-sort", fa ? "مرحله (ترتیب قیف)" : "Stage (funnel order)");
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(subscriber);
        await page.ChooseAsync(".pv-sort", fa ? "مرحله (پیشرفته‌ترین اول)" : "Stage (furthest first)");
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(customer);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await E2EApp.ScreenshotAsync(page, $"contacts-funnel-sorted-{culture}-{width}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways.");
    }

    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task Filter_contacts_by_country_province_and_city_from_more_filters(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(fa ? "شیرین" : "Shirin", culture[..2]);
        var family = (fa ? "نشانی" : "Address") + Guid.NewGuid().ToString("N")[..6];
        var (karaji, tehrani, berliner) = fa ? ("کیان", "تینا", "یوناس") : ("Kian", "Tina", "Jonas");
        // The list names countries as the server's culture does (RegionInfo in the user's language).
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var (germany, iran) = (new RegionInfo("DE").DisplayName, new RegionInfo("IR").DisplayName);
        CultureInfo.CurrentUICulture = uiCulture;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
            var userId = (await db.Set<AppUser>().SingleAsync(u => u.Email == email)).Id;
            var contacts = scope.ServiceProvider.GetRequiredService<ResourceService<Contact, ContactWrite, ContactView>>();
            await contacts.CreateAsync(new ContactWrite(karaji, family, OwnerId: userId,
                Addresses: [new(Province: "alborz", City: "كرج", Line1: "خیابان بهار")]), CancellationToken.None);
            await contacts.CreateAsync(new ContactWrite(tehrani, family, OwnerId: userId,
                Addresses: [new(Province: "tehran", City: "تهران", Line1: "خیابان آزادی")]), CancellationToken.None);
            await contacts.CreateAsync(new ContactWrite(berliner, family, OwnerId: userId,
                Addresses: [new(Country: "DE", City: "Berlin", Line1: "Unter den Linden 1")]), CancellationToken.None);
        }
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-contact-search input", family);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(3);

        await page.ClickAsync(".pv-more-filters-toggle");
        await page.ChooseAsync(".pv-filter-country", germany);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(berliner);
        await page.ChooseAsync(".pv-filter-country", iran);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await page.ChooseAsync(".pv-filter-province", fa ? "البرز" : "Alborz");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(karaji);
        await E2EApp.ScreenshotAsync(page, $"contacts-province-filter-{culture}-{width}");

        // The city as typed with the Persian kaf finds the one stored with the Arabic one.
        await page.FillAsync(".pv-filter-city input", "کرج");
        await Assertions.Expect(page.Locator(".pv-more-filters-toggle")).ToContainTextAsync(fa ? "(۳)" : "(3)");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(1);
        await page.FillAsync(".pv-filter-city input", "تهران");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(0);
        await E2EApp.ScreenshotAsync(page, $"contacts-province-city-filter-{culture}-{width}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways.");
    }

    // The list's search, filters and sort live in its address: a reload, the back button from a record and a link someone
    // sends bring the same list back, and a link followed inside the app changes the list in place.
    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task Search_filter_and_sort_live_in_the_address_so_reload_back_and_a_shared_link_keep_them(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var (page, family, (customer, _, _)) = await ThreeContactsOnTheListAsync(culture, width, height, fa ? "مهسا" : "Mahsa", fa ? "نشانی" : "Link");
        // A search lists the best matches first (the list API's order without a sort), so the address needs no sort.
        await Assertions.Expect(page.Locator(".pv-sort input").First).ToHaveValueAsync("relevance");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
            $"/contacts\\?q={System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(family))}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await page.ClickAsync(".pv-more-filters-toggle");
        await page.ChooseAsync(".pv-filter-hasEmail", fa ? "بله" : "Yes");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await page.ChooseAsync(".pv-sort", fa ? "مرحله (پیشرفته‌ترین اول)" : "Stage (furthest first)");
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(customer);
        // The list API's parameters, defaults left out: the search, the sort, then the filters by name.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
            $"/contacts\\?q={System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(family))}&sort=-lifecycleStage&hasEmail=true$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase));

        // A reload brings back the search, the filter (counted on the folded row) and the sort.
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".pv-contact-search input")).ToHaveValueAsync(family);
        await Assertions.Expect(page.Locator(".pv-more-filters-toggle")).ToContainTextAsync(fa ? "(۱)" : "(1)");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(customer);
        await Assertions.Expect(page.Locator(".pv-list-count")).ToHaveTextAsync(fa ? "۲ مخاطب" : "2 contacts");
        await E2EApp.ScreenshotAsync(page, $"contacts-address-reloaded-{culture}-{width}");

        // Into a record and back: the same list, not the default one.
        await page.Locator(".pv-contact-link").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contacts/[0-9a-f-]{36}$"));
        await page.GoBackAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".pv-contact-search input")).ToHaveValueAsync(family);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(customer);

        // A link with the list API's own parameters, as a colleague would send it.
        await page.GotoAsync($"/contacts?q={Uri.EscapeDataString(family)}&lifecycleStage=lead,subscriber");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-contact-link", new() { HasText = customer })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".pv-filter-lifecycleStage input").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(fa ? "سرنخ" : "Lead"));
        await E2EApp.ScreenshotAsync(page, $"contacts-address-shared-{culture}-{width}");

        // A link followed inside the app (no page load): the open list follows it.
        await page.EvaluateAsync($"Blazor.navigateTo('/contacts?q={Uri.EscapeDataString(family)}&lifecycleStage=customer')");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".pv-contact-link").First).ToContainTextAsync(customer);
        await Assertions.Expect(page.Locator(".pv-list-count")).ToHaveTextAsync(fa ? "۱ مخاطب" : "1 contact");
        Assert.True(await page.FitsWidthAsync(), "The list scrolls sideways.");
    }

    // Two stages picked at once and a parent company picked by name, each kept by a saved view and brought back after a reload.
    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task Pick_two_stages_and_a_parent_company_save_each_view_and_bring_it_back_after_a_reload(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(fa ? "نیلوفر" : "Niloofar", culture[..2]);
        var family = (fa ? "نما" : "View") + Guid.NewGuid().ToString("N")[..6];
        var (customer, lead, mql) = fa ? ("مریم", "نرگس", "پری") : ("Maryam", "Narges", "Pari");
        await CreateStagedContactsAsync(email, family,
            [(customer, LifecycleStage.Customer, false), (lead, LifecycleStage.Lead, false), (mql, LifecycleStage.MarketingQualifiedLead, false)]);
        var holding = (fa ? "هلدینگ " : "Holding ") + family;
        await CreateCompaniesAsync(email, holding, [family + (fa ? " فروشگاه" : " Shop"), family + (fa ? " کارگاه" : " Studio")], family + (fa ? " مستقل" : " Solo"));
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-contact-search input", family);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(3);
        await page.Locator(".pv-filter-lifecycleStage .mud-select-input").First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(fa ? "^\\s*سرنخ\\s*$" : "^\\s*Lead\\s*$") }).ClickAsync();
        await options.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(fa ? "^\\s*مشتری\\s*$" : "^\\s*Customer\\s*$") }).ClickAsync();
        await E2EApp.ScreenshotAsync(page, $"contacts-stages-open-{culture}-{width}");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-contact-link", new() { HasText = mql })).ToHaveCountAsync(0);
        await E2EApp.ScreenshotAsync(page, $"contacts-two-stages-{culture}-{width}");
        await SaveViewAsync(page, fa ? "دو مرحله" : "Two stages");

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await OpenViewAsync(page, fa ? "دو مرحله" : "Two stages");
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-contact-link", new() { HasText = mql })).ToHaveCountAsync(0);
        await E2EApp.ScreenshotAsync(page, $"contacts-two-stages-view-{culture}-{width}");

        await page.GotoAsync("/companies");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-company-search input", family);
        await Assertions.Expect(page.Locator(".pv-company-link")).ToHaveCountAsync(4);
        await page.ClickAsync(".pv-more-filters-toggle");
        await page.Locator(".pv-filter-parentCompanyId input").FillAsync(holding);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = holding }).ClickAsync();
        await Assertions.Expect(page.Locator(".pv-company-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-company-link", new() { HasText = holding })).ToHaveCountAsync(0);
        await E2EApp.ScreenshotAsync(page, $"companies-parent-filter-{culture}-{width}");
        await SaveViewAsync(page, fa ? "زیرمجموعه‌ها" : "Subsidiaries");

        await page.GotoAsync("/companies");
        await page.WaitForCircuitAsync();
        await OpenViewAsync(page, fa ? "زیرمجموعه‌ها" : "Subsidiaries");
        await Assertions.Expect(page.Locator(".pv-company-link")).ToHaveCountAsync(2);
        await page.ClickAsync(".pv-more-filters-toggle");
        await Assertions.Expect(page.Locator(".pv-filter-parentCompanyId input")).ToHaveValueAsync(holding);
        await E2EApp.ScreenshotAsync(page, $"companies-parent-view-{culture}-{width}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways.");
    }

    // A new user's three contacts of one family name — a customer and a subscriber with an email, a lead without — and the
    // user signed in, looking at them on the contact list.
    private async Task<(IPage Page, string Family, (string Customer, string Lead, string Subscriber) Names)> ThreeContactsOnTheListAsync(
        string culture, int width, int height, string userName, string familyPrefix)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(userName, culture[..2]);
        var family = familyPrefix + Guid.NewGuid().ToString("N")[..6];
        var names = fa ? ("مریم", "نرگس", "پری") : ("Maryam", "Narges", "Pari");
        await CreateStagedContactsAsync(email, family,
            [(names.Item1, LifecycleStage.Customer, true), (names.Item2, LifecycleStage.Lead, false), (names.Item3, LifecycleStage.Subscriber, true)]);
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();

        await page.GotoAsync("/contacts");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-contact-search input", family);
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(3);
        return (page, family, names);
    }

    private static async Task SaveViewAsync(IPage page, string name)
    {
        await page.ClickAsync(".pv-views");
        await page.ClickAsync(".pv-save-view");
        await page.FillAsync(".pv-view-name input", name);
        await page.ClickAsync(".pv-view-save");
        await Assertions.Expect(page.Locator(".pv-views")).ToContainTextAsync(name);
    }

    private static async Task OpenViewAsync(IPage page, string name)
    {
        await page.ClickAsync(".pv-views");
        await page.Locator(".pv-view-item", new() { HasText = name }).ClickAsync();
        await Assertions.Expect(page.Locator(".pv-views")).ToContainTextAsync(name);
    }

    private async Task CreateCompaniesAsync(string email, string parent, string[] children, string other)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var userId = (await db.Set<AppUser>().SingleAsync(u => u.Email == email)).Id;
        var companies = scope.ServiceProvider.GetRequiredService<ResourceService<Company, CompanyWrite, CompanyView>>();
        var parentId = (await companies.CreateAsync(new CompanyWrite(parent, OwnerId: userId), CancellationToken.None)).Id;
        foreach (var child in children)
            await companies.CreateAsync(new CompanyWrite(child, ParentCompanyId: parentId, OwnerId: userId), CancellationToken.None);
        await companies.CreateAsync(new CompanyWrite(other, OwnerId: userId), CancellationToken.None);
    }

    private async Task CreateStagedContactsAsync(string email, string lastName, (string First, LifecycleStage Stage, bool Email)[] people)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var userId = (await db.Set<AppUser>().SingleAsync(u => u.Email == email)).Id;
        var contacts = scope.ServiceProvider.GetRequiredService<ResourceService<Contact, ContactWrite, ContactView>>();
        foreach (var (first, stage, hasEmail) in people)
        {
            List<EmailInput>? emails = hasEmail ? [new($"p{Guid.NewGuid().ToString("N")[..6]}@example.com")] : null;
            await contacts.CreateAsync(new ContactWrite(first, lastName, emails, LifecycleStage: stage, OwnerId: userId), CancellationToken.None);
        }
    }

    private async Task CreateContactsAsync(
        string email, string lastName, string[] firstNames, Func<string, Dictionary<string, System.Text.Json.JsonElement>>? customFields = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.ActAsSystem(tenant.Id);
        var userId = (await db.Set<AppUser>().SingleAsync(u => u.Email == email)).Id;
        var contacts = scope.ServiceProvider.GetRequiredService<ResourceService<Contact, ContactWrite, ContactView>>();
        foreach (var first in firstNames)
            await contacts.CreateAsync(new ContactWrite(first, lastName, OwnerId: userId, CustomFields: customFields?.Invoke(first)), CancellationToken.None);
    }
}
