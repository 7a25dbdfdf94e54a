using Peyvand.Kernel.Api;
using Peyvand.Kernel.Cli;
using Peyvand.Web.Hosting;

namespace Peyvand.Web.Cli;

/// <summary>Runs one verb against the configured database: migrations first, then the verb; one-line reason and non-zero exit on failure.</summary>
public static class CliDispatcher
{
    /// <param name="settings">Configuration laid over the environment's (tests point the CLI at their database this way).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder([]);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        PeyvandApp.AddServices(builder.Services, builder.Configuration);
        builder.Services.AddScoped<ICliVerb, MigrateVerb>();
        using var host = builder.Build();

        await using var scope = host.Services.CreateAsyncScope();
        var verbs = scope.ServiceProvider.GetServices<ICliVerb>().ToList();
        var verb = verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            await error.WriteLineAsync($"error: unknown verb '{args[0]}'; verbs: {string.Join(", ", verbs.Select(v => v.Name).Order())}");
            return 2;
        }

        try
        {
            var parsed = new CliArguments(args[1..]);
            // Its own scope: syncing built-in roles acts as each tenant in turn, which must not leak into the verb's scope.
            await using (var migrations = host.Services.CreateAsyncScope())
                await migrations.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            return await verb.RunAsync(parsed, output, CancellationToken.None);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message} (usage: {verb.Usage})");
            return 2;
        }
        catch (InvalidInputException ex)
        {
            await error.WriteLineAsync($"error: {string.Join("; ", ex.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            return 1;
        }
        catch (ConflictException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"error: {ex.Message.Split('\n')[0]}");
            return 1;
        }
    }
}

public sealed class MigrateVerb : ICliVerb
{
    public string Name => "migrate";
    public string Usage => "migrate";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        args.EnsureNoUnknown();
        await output.WriteLineAsync("Database is migrated.");
        return 0;
    }
}
