using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;
using Peyvand.Identity.Auth;
using Peyvand.Web.Components;
using Peyvand.Web.Components.Account;

namespace Peyvand.Web.Hosting;

/// <summary>The Blazor web UI: interactive server components for the app, static server-rendered forms for sign-in.</summary>
public static class WebUi
{
    public static IServiceCollection AddPeyvandUi(this IServiceCollection services)
    {
        // Prerendered Persian text is otherwise written as &#x…; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddPeyvandLocalization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<Components.Shared.UserOperations>();
        services.AddScoped<Components.Activities.NotificationSignal>();
        services.AddHttpContextAccessor();
        services.AddMudServices();
        return services;
    }

    public static void MapPeyvandUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
    }
}

/// <summary>A circuit outlives the request that opened it: give its scope the same current user the request had.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authentication, CurrentUserLoader loader) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await loader.LoadAsync(state.User, cancellationToken);
    }
}
