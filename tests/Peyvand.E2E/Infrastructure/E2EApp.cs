using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;
using Peyvand.Tests.Infrastructure;

namespace Peyvand.E2E.Infrastructure;

/// <summary>
/// The whole application on a real Kestrel port over a temp SQLite database (or, with <c>PEYVAND_E2E_DATABASE=postgres</c>,
/// a fresh database on the PostgreSQL server test.sh starts), mailing through the SMTP sink test.sh starts, and one headless
/// Debian Chromium driven by Playwright.
/// </summary>
public sealed class E2EApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct-horse-battery-42";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly string _dataDir = Directory.CreateTempSubdirectory("peyvand-e2e-").FullName;
    private readonly int _port = FreePort();
    private IPlaywright? _playwright;
    // The PostgreSQL server to run on (test.sh sets both variables), or null for SQLite; the database is made in InitializeAsync.
    private readonly string? _postgresServer =
        string.Equals(Environment.GetEnvironmentVariable("PEYVAND_E2E_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? Environment.GetEnvironmentVariable("PEYVAND_TEST_POSTGRES") is { Length: > 0 } server ? server
                : throw new InvalidOperationException("PEYVAND_E2E_DATABASE=postgres needs PEYVAND_TEST_POSTGRES (./test.sh sets it)")
            : null;
    private string? _postgresDatabase;

    public string AdminEmail { get; } = $"admin-{Guid.NewGuid():N}@example.com";
    public string BaseUrl => $"http://127.0.0.1:{_port}";
    public IBrowser Browser { get; private set; } = null!;

    public static string? MailDir => Environment.GetEnvironmentVariable("PEYVAND_TEST_MAILDIR");

    public static string ScreenshotDir { get; } = Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("PEYVAND_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : Path.Combine(Path.GetTempPath(), "peyvand-e2e"),
        "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        if (_postgresServer is not null)
            _postgresDatabase = await ThrowawayDatabase.CreateAsync(_postgresServer, "peyvand_e2e");
        UseKestrel(o => o.Listen(IPAddress.Loopback, _port));
        StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PEYVAND_TEST_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the Blazor and MudBlazor assets come from the build's static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("urls", BaseUrl);
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(Path.Combine(ScreenshotDir, "server.log"))));
        builder.UseSetting("Peyvand:DataDir", _dataDir);
        if (_postgresServer is null || _postgresDatabase is null)
            builder.UseSetting("Peyvand:Database:Provider", "Sqlite");
        else
        {
            builder.UseSetting("Peyvand:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", ThrowawayDatabase.ConnectionString(_postgresServer, _postgresDatabase));
        }
        builder.UseSetting("Peyvand:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Peyvand:Bootstrap:AdminPassword", Password);
        builder.UseSetting("Peyvand:RateLimit:PermitsPerMinute", "100000");
        if (Environment.GetEnvironmentVariable("PEYVAND_TEST_SMTP_PORT") is { Length: > 0 } smtpPort)
        {
            builder.UseSetting("Peyvand:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Peyvand:Smtp:Port", smtpPort);
        }
    }

    /// <summary>A new browser context (own cookies) with one page, at desktop size unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Generous: CI machines have two cores shared by the app, the browser and the test runner.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        // Browser-side trouble (a failed circuit, a script error) goes to the artifacts, next to the screenshots.
        page.Console += (_, message) => { if (message.Type is "error" or "warning") Log($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => Log($"page error: {error}");
        page.Response += (_, response) => { if (response.Status >= 400) Log($"HTTP {response.Status} {response.Request.Method} {response.Url}"); };
        return page;
    }

    /// <summary>A sales rep (or another built-in role) in the default organisation, with its own email so tests never share an account.</summary>
    public async Task<string> CreateUserAsync(string displayName, string? language = null, bool disabled = false, string roleKey = "sales-rep")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var role = await db.Set<Role>().SingleAsync(r => r.BuiltInKey == roleKey);
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var users = scope.ServiceProvider.GetRequiredService<ResourceService<AppUser, UserWrite, UserView>>();
        await users.CreateAsync(new UserWrite(email, displayName, [role.Id], Language: language, IsDisabled: disabled, Password: Password),
            CancellationToken.None);
        return email;
    }

    /// <summary>How many live contacts of the default organisation have this last name (to prove a refused form saved nothing).</summary>
    public async Task<int> CountContactsAsync(string lastName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        return await db.Set<Peyvand.Customers.Domain.Contact>().CountAsync(c => c.LastName == lastName);
    }

    /// <summary>An administrator who, like the bootstrap one, still has to pass the first-run page.</summary>
    public async Task<string> CreateFirstRunAdminAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var role = await db.Set<Role>().SingleAsync(r => r.BuiltInKey == BuiltInRoles.Administrator);
        var email = $"first-{Guid.NewGuid():N}@example.com";
        var created = await scope.ServiceProvider.GetRequiredService<ResourceService<AppUser, UserWrite, UserView>>()
            .CreateAsync(new UserWrite(email, "First Admin", [role.Id], Password: Password), CancellationToken.None);
        var user = await db.Set<AppUser>().SingleAsync(u => u.Id == created.View.Id);
        user.FirstRunPending = true;
        await db.SaveChangesAsync();
        return email;
    }

    private static readonly Lock LogLock = new();

    private static void Log(string line)
    {
        lock (LogLock)
            File.AppendAllText(Path.Combine(ScreenshotDir, "browser.log"), line + Environment.NewLine);
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_postgresServer is not null && _postgresDatabase is not null)
            await ThrowawayDatabase.DropAsync(_postgresServer, _postgresDatabase);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
