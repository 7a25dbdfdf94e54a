using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Identity.Api;
using Peyvand.Identity.Auth;
using Peyvand.Identity.Cli;
using Peyvand.Identity.Data;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Cli;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Outbox;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity;

/// <summary>Organisations, users, teams, roles and their permission matrix, API keys, sign-in and the audit log reader.</summary>
public static class IdentityModule
{
    public const string Name = "Identity";

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, PermissionCatalog catalog, DomainEventTypes events)
    {
        events.Register<UserInvited>("identity.user-invited");
        services.AddScoped<IDomainEventHandler<UserInvited>, SendInvitation>();

        catalog.Register("users", Name);
        catalog.Register("teams", Name);
        catalog.Register("roles", Name);
        catalog.Register("api-keys", Name, isOwned: true);
        catalog.Register("audit", Name);
        catalog.Register("settings", Name);
        catalog.Register(SavedViewResource.Resource, Name, isOwned: true);
        Kernel.Localization.ResourceNames.Register(IdentityText.M, "users", "teams", "roles", "api-keys", "audit", "settings", SavedViewResource.Resource);

        services.AddSingleton<IModelContributor, IdentityModel>();

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserStore<PeyvandUserStore>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddSignInManager<PeyvandSignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddScoped<ResourceDefinition<AppUser, UserWrite, UserView>, UserResource>();
        services.AddScoped<ResourceDefinition<Team, TeamWrite, TeamView>, TeamResource>();
        services.AddScoped<ResourceDefinition<Role, RoleWrite, RoleView>, RoleResource>();
        services.AddScoped<ResourceDefinition<ApiKey, ApiKeyWrite, ApiKeyView>, ApiKeyResource>();
        services.AddScoped<ResourceDefinition<SavedView, SavedViewWrite, SavedViewView>, SavedViewResource>();
        services.AddScoped<CurrentUserLoader>();
        services.AddSingleton<AuthCache>();
        services.AddSingleton<ISaveChangesInterceptor, AuthCacheInvalidation>();
        services.AddScoped<TenantProvisioning>();
        services.AddScoped<SyncBuiltInRoles>();
        services.AddScoped<ReadAudit>();
        services.AddScoped<TenantSettings>();
        services.AddScoped<MyPreferences>();
        services.AddScoped<PasswordResetLinks>();
        services.AddScoped<ResetTwoFactor>();

        services.AddScoped<UserDirectory>();
        services.AddScoped<ICliVerb, CreateTenantVerb>();
        services.AddScoped<ICliVerb, CreateUserVerb>();
        services.AddScoped<ICliVerb, CreateApiKeyVerb>();
        return services;
    }

    public static void MapIdentityEndpoints(this IEndpointRouteBuilder api) => IdentityApi.Map(api);

    public static void MapIdentityPublicEndpoints(this IEndpointRouteBuilder app) => IdentityApi.MapPublic(app);
}
