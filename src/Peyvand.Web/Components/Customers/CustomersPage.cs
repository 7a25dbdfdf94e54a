using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.Identity.Auth;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Localization;
using Peyvand.Web.Components.Shared;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;
using PhoneNumbers;

namespace Peyvand.Web.Components.Customers;

/// <summary>
/// What the customer components share: each operation runs the API's own service in a fresh scope (one DbContext per
/// operation) acting as the circuit's user, and the service's exceptions become messages next to the right input.
/// </summary>
public abstract partial class CustomersPage : ComponentBase
{
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();

    [Inject] protected UserOperations Operations { get; set; } = default!;
    [Inject] protected CurrentUser Me { get; set; } = default!;
    [Inject] protected IStringLocalizer<CustomersText> T { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    // Read with the first operation; gives the date preferences (calendar, time zone).
    private System.Security.Claims.ClaimsPrincipal? _user;

    /// <summary>A page-level message (not permitted, not found, conflict).</summary>
    protected string? Problem { get; set; }

    /// <summary>The record changed since it was loaded.</summary>
    protected bool Stale { get; set; }

    protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    protected static bool IsPersian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa";

    protected async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        _user ??= AuthenticationState is null ? null : (await AuthenticationState).User;
        return await Operations.RunAsync(services => work(services.GetRequiredService<TService>()));
    }

    /// <summary>Runs an operation; what the service refuses becomes <see cref="Problem"/>, <see cref="Stale"/> or <see cref="Errors"/>.</summary>
    protected async Task<bool> TryAsync(Func<Task> work)
    {
        Problem = null;
        Stale = false;
        Errors = new Dictionary<string, string[]>();
        try
        {
            await work();
            return true;
        }
        catch (InvalidInputException ex)
        {
            Errors = ex.Errors;
            Problem = T["FixErrors"];
        }
        catch (ForbiddenException)
        {
            Problem = T["Forbidden"];
        }
        catch (NotFoundException)
        {
            Problem = T["NotFound"];
        }
        catch (ConcurrencyException)
        {
            Stale = true;
        }
        catch (ConflictException)
        {
            Problem = T["Conflict"];
        }
        return false;
    }

    /// <summary>The services' messages for a field ("phones[1].value"), already in the UI language (the circuit's culture).</summary>
    protected string? ErrorFor(string field) =>
        Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Errors that no input shows (so they are listed above the form).</summary>
    protected IEnumerable<string> OtherErrors(IEnumerable<string> shownFields) =>
        Errors.Where(e => !shownFields.Contains(e.Key)).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");

    protected bool May(string resource, PermissionAction action, Guid? ownerId = null) =>
        ownerId is null
            ? Me.LevelFor(resource, action) > PermissionLevel.None
            : Me.Reaches(Me.LevelFor(resource, action), ownerId);

    protected static string Num(string? text) => text is null ? "" : IsPersian ? Digits.ToPersian(text) : text;

    /// <summary>An E.164 number as people read it: "+98 912 123 4567" (Persian digits in fa).</summary>
    protected static string PhoneText(string e164)
    {
        try
        {
            return Num(PhoneUtil.Format(PhoneUtil.Parse(e164, "IR"), PhoneNumberFormat.INTERNATIONAL));
        }
        catch (NumberParseException)
        {
            return Num(e164);
        }
    }

    protected static string ApiName<TEnum>(TEnum value) where TEnum : struct, Enum => QueryEnum.Name(value);

    protected string StageText(LifecycleStage stage) => T["Stage_" + stage];

    protected string DateText(DateOnly date) => UserClock.For(_user).Date(date);

    protected string DateTimeText(DateTime utc) => UserClock.For(_user).DateTime(utc);

    /// <summary>Owners' display names where the user may read users; otherwise at least their own.</summary>
    protected async Task<Dictionary<Guid, string>> OwnerNamesAsync()
    {
        var names = new Dictionary<Guid, string>();
        if (Me.LevelFor("users", PermissionAction.Read) > PermissionLevel.None)
        {
            try
            {
                var users = await RunAsync<ResourceService<AppUser, UserWrite, UserView>, Page<UserView>>(
                    s => s.ListAsync(new ListQuery(null, ListQuery.MaxLimit, null, null), CancellationToken.None));
                foreach (var u in users.Items)
                    names[u.Id] = u.DisplayName;
            }
            catch (ForbiddenException)
            {
                // Fall through to the user's own name.
            }
        }
        if (Me.UserId is { } me && !names.ContainsKey(me))
            names[me] = T["Me"];
        return names;
    }

    /// <summary>The tenant's customer categories in their order (everyone may read them).</summary>
    protected async Task<IReadOnlyList<CustomerCategoryView>> CategoriesAsync()
    {
        try
        {
            var page = await RunAsync<ResourceService<CustomerCategory, CustomerCategoryWrite, CustomerCategoryView>, Page<CustomerCategoryView>>(
                s => s.ListAsync(new ListQuery(null, ListQuery.MaxLimit, null, "sortOrder"), CancellationToken.None));
            return page.Items;
        }
        catch (ForbiddenException)
        {
            return [];
        }
    }

    protected IReadOnlyList<(string Value, string Label)> YesNo => [("true", T["Yes"]), ("false", T["No"])];

    protected static string CategoryName(CustomerCategoryView category) => IsPersian ? category.NameFa : category.NameEn;

    /// <summary>Active users, for owner pickers; empty when the user may not look people up.</summary>
    protected async Task<IReadOnlyList<UserView>> ActiveUsersAsync()
    {
        if (Me.LevelFor("users", PermissionAction.Read) == PermissionLevel.None)
            return [];
        try
        {
            var users = await RunAsync<ResourceService<AppUser, UserWrite, UserView>, Page<UserView>>(
                s => s.ListAsync(new ListQuery(null, ListQuery.MaxLimit, null, null), CancellationToken.None));
            return users.Items.Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
        }
        catch (ForbiddenException)
        {
            return [];
        }
    }

    /// <summary>Iran's provinces as filter options (code → name in the user's language), in alphabetical order.</summary>
    protected static IReadOnlyList<(string Value, string Label)> ProvinceOptions =>
        [.. IranProvinces.All.Select(p => (p.Code, IsPersian ? p.NameFa : p.NameEn)).OrderBy(p => p.Item2, StringComparer.CurrentCulture)];

    /// <summary>Country codes, Iran first and then by name in the user's language.</summary>
    protected static IReadOnlyList<string> CountryCodes =>
        [RecordFieldInput.Iran, .. RecordFieldInput.CountryCodes.Where(c => c != RecordFieldInput.Iran).OrderBy(CountryName, StringComparer.CurrentCulture)];

    /// <summary>The countries as filter options (code → name in the user's language), Iran first.</summary>
    protected static IReadOnlyList<(string Value, string Label)> CountryOptions => [.. CountryCodes.Select(c => (c, CountryName(c)))];

    protected static string ProvinceName(string? code) =>
        IranProvinces.All.FirstOrDefault(p => p.Code == code) is { } province ? (IsPersian ? province.NameFa : province.NameEn) : code ?? "";

    protected static string CountryName(string code)
    {
        try
        {
            return new RegionInfo(code).DisplayName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>An address on one line, in the order people write it in the UI language.</summary>
    protected string AddressText(AddressEntry a)
    {
        var parts = new[] { a.Line1, a.Line2, a.City, a.Country == RecordFieldInput.Iran ? ProvinceName(a.Province) : a.Province, CountryName(a.Country) }
            .Where(p => !string.IsNullOrWhiteSpace(p));
        return string.Join(T["ListSeparator"].Value, parts);
    }

    /// <summary>Inputs for the entity's active custom fields, filled from a record's values.</summary>
    protected async Task<List<CustomFieldInput>> CustomFieldInputsAsync(string entity, IReadOnlyDictionary<string, JsonElement>? values)
    {
        var definitions = await RunAsync<Kernel.CustomFields.CustomFieldCatalog, IReadOnlyList<Kernel.CustomFields.CustomFieldDefinition>>(
            c => c.ActiveAsync(entity, CancellationToken.None));
        return CustomFieldInput.For(definitions, values, (await Operations.ClockAsync()).RialsAsTomans);
    }
}

/// <summary>One email or phone row of a form.</summary>
public sealed class PointRow<TType> where TType : struct, Enum
{
    public string Value { get; set; } = "";
    public TType Type { get; set; }
    public bool Primary { get; set; }

    /// <summary>The field name the service uses for this row in the last save ("phones[1].value"), if it was sent.</summary>
    public string? Field { get; set; }
}

public sealed record CompanyOption(Guid Id, string Name);
