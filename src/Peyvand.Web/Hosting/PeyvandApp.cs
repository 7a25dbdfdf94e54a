using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using Peyvand.Customers;
using Peyvand.Identity;
using Peyvand.Identity.Auth;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Jobs;
using Peyvand.Kernel.Mail;
using Peyvand.Kernel.Notifications;
using Peyvand.Kernel.Outbox;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;
using Peyvand.Kernel.Text;
using Peyvand.Web.Components.Account;
using Prometheus;
using Scalar.AspNetCore;

namespace Peyvand.Web.Hosting;

/// <summary>Builds the application: the kernel, then each module in dependency order, then the HTTP pipeline.</summary>
public static class PeyvandApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        MetricsExport.Configure();
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration);
        builder.Services.AddPeyvandUi();
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>Services shared by the web host and the CLI verbs.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var dataDir = Path.GetFullPath(configuration["Peyvand:DataDir"] ?? "data");
        services.AddSingleton(new DataDirectory(dataDir));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();

        var catalog = new PermissionCatalog();
        services.AddSingleton(catalog);
        var eventTypes = new DomainEventTypes();
        services.AddSingleton(eventTypes);
        var database = DatabaseSettings.From(configuration, dataDir);
        services.AddPeyvandDatabase(database);
        services.AddScoped(typeof(ResourceService<,,>));
        services.AddScoped<GlobalSearch>();
        services.AddScoped<RecordTimeline>();
        services.AddScoped<ITimelineSource, AuditTimelineSource>();
        services.AddScoped<IAuditFieldLabels, Components.Customers.ContactFieldLabels>();
        services.AddScoped<IAuditFieldLabels, Components.Customers.CompanyFieldLabels>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.Configure<SmtpOptions>(configuration.GetSection("Peyvand:Smtp"));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.Configure<BootstrapOptions>(configuration.GetSection("Peyvand:Bootstrap"));
        services.Configure<Identity.Features.PublicUrlOptions>(configuration.GetSection("Peyvand"));
        services.AddScoped<DatabaseInitializer>();

        // Migrations and the first organisation come before anything else starts, background jobs included.
        services.AddHostedService<StartupInitializer>();
        services.AddPeyvandJobs(database, configuration.GetValue("Peyvand:Jobs:OutboxInterval", TimeSpan.FromSeconds(2)),
            configuration.GetValue("Peyvand:Jobs:IdempotencyPurgeInterval", TimeSpan.FromHours(1)));

        // Modules, in dependency order (Identity ← Customers ← Sales ← Service/Marketing ← Automation/Analytics).
        services.AddIdentityModule(catalog, eventTypes);
        services.AddCustomersModule(catalog, eventTypes, configuration.GetValue("Peyvand:Jobs:ReminderInterval", TimeSpan.FromSeconds(30)));

        services.AddDataProtection().SetApplicationName("Peyvand").PersistKeysToDbContext<PeyvandDbContext>();
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => PeyvandJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddPeyvandAuthentication();
        services.AddPeyvandRateLimiting(configuration);
        services.AddPeyvandForwardedHeaders(configuration);
        services.AddPeyvandOpenApi();
        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("database", tags: ["ready"]);
    }

    // Our own middleware that has nothing to do once the request is handled returns next(…)'s task instead of awaiting it:
    // no state machine and no continuation per request (docs/performance.md, session 10).
    private static void UsePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusProblems.WriteAsync);
        // Pages get a localised page for 404 and other errors; the API keeps its problem details.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(c.Request.Method),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        // Routing after the status code pages, so a re-executed request (/error/404) is routed to its page.
        app.UseRouting();
        app.UseRequestMetrics();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UsePeyvandLocalization();
        // After the localisation, so a refusal is in the caller's language; nothing before it reads the body.
        app.UseApiBodyLimit();
        app.UseFirstRunRedirect();
        // Before authorization, so callers without a valid key are limited (per address) too.
        app.UseRateLimitHeaders();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<IdempotencyMiddleware>());

        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).DisableRateLimiting();
        app.MapMetrics("/metrics").DisableRateLimiting();
        app.MapOpenApi("/openapi/{documentName}.json").DisableRateLimiting();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Peyvand API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .DisableRateLimiting();

        app.MapIdentityPublicEndpoints();
        app.MapCustomersPublicEndpoints();

        // The default scheme already takes /api/v1 to API keys (Authentication.cs); naming the scheme here again would make
        // authorisation authenticate every API request a second time.
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapIdentityEndpoints();
        api.MapCustomersEndpoints();
        api.MapNotifications();
        api.MapGet("/search", async (string? q, int? limit, GlobalSearch search, CancellationToken ct) =>
                TypedResults.Ok(new SearchResults(await search.HandleAsync(q, limit, ct))))
            .WithTags("Search").WithName("Search")
            .WithSummary("Search every record the caller may read (contacts, companies, …); Persian-aware, up to limit per type")
            .WithStandardProblems();

        app.MapPeyvandUi();
    }
}

public sealed record DataDirectory(string Path);

public sealed record SearchResults(IReadOnlyList<SearchHit> Items);
