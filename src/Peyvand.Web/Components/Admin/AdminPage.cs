using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Peyvand.Kernel.Api;
using Peyvand.Web.Components.Shared;

namespace Peyvand.Web.Components.Admin;

/// <summary>
/// Base of the administration pages. Every operation runs in a fresh DI scope whose current user is loaded from the
/// circuit's principal, so the application services check permissions exactly as they do for the API, with rights
/// as they are now rather than when the circuit opened. Service exceptions become field errors or messages.
/// </summary>
public abstract class AdminPage : ComponentBase
{
    [Inject] protected UserOperations Operations { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<AdminText> T { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>Field errors from the last operation, keyed by the services' camelCase field names.</summary>
    protected Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>Set when the last save met a newer version of the record; the page offers to reload.</summary>
    protected bool Stale { get; set; }

    protected bool Busy { get; private set; }

    protected static string UiLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    protected bool HasError(string field) => Errors.ContainsKey(field);

    /// <summary>The services' messages for a field, already in the UI language (the circuit's culture).</summary>
    protected string? ErrorText(string field) =>
        Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Runs <paramref name="work"/> in its own scope; returns false (after showing why) when it failed.</summary>
    protected async Task<bool> TryAsync(Func<IServiceProvider, CancellationToken, Task> work)
    {
        Busy = true;
        Errors = [];
        Stale = false;
        try
        {
            return await Operations.RunAsync(async services =>
            {
                await work(services, CancellationToken.None);
                return true;
            });
        }
        catch (InvalidInputException ex)
        {
            Errors = ex.Errors.ToDictionary(e => e.Key, e => e.Value);
            Snackbar.Add(T["FixErrors"], Severity.Warning);
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(T["Forbidden"], Severity.Error);
        }
        catch (ConcurrencyException)
        {
            Stale = true;
        }
        catch (NotFoundException)
        {
            Snackbar.Add(T["NotFound"], Severity.Error);
        }
        catch (ConflictException ex)
        {
            Snackbar.Add(T["Conflict", ex.Message], Severity.Error);
        }
        finally
        {
            Busy = false;
        }
        return false;
    }

    protected async Task<TResult?> RunAsync<TResult>(Func<IServiceProvider, CancellationToken, Task<TResult>> work)
    {
        TResult? result = default;
        await TryAsync(async (services, ct) => result = await work(services, ct));
        return result;
    }

    /// <summary>
    /// A built-in role's name and description in the page's language, unless an admin has renamed or re-described it
    /// (then their words stand, as typed).
    /// </summary>
    protected string RoleName(Identity.Features.RoleView role) =>
        BuiltIn(role) is { } builtIn && role.Name == builtIn.Name ? T[$"Role_{builtIn.Key}"] : role.Name;

    protected string? RoleDescription(Identity.Features.RoleView role) =>
        BuiltIn(role) is { } builtIn && role.Description == builtIn.Description ? T[$"RoleDescription_{builtIn.Key}"] : role.Description;

    private static (string Key, string Name, string Description)? BuiltIn(Identity.Features.RoleView role) =>
        role.BuiltInKey is null ? null : Identity.Domain.BuiltInRoles.All.FirstOrDefault(r => r.Key == role.BuiltInKey) is { Key: not null } found ? found : null;

    /// <summary>The user's time zone, known once <see cref="TimeFormatterAsync"/> has run.</summary>
    protected TimeZoneInfo UserZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>A UTC time as the user reads it: their calendar, time zone and digits.</summary>
    protected async Task<Func<DateTime, string>> TimeFormatterAsync()
    {
        var clock = await Operations.ClockAsync();
        UserZone = clock.Zone;
        return clock.DateTime;
    }
}
