using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using Peyvand.Kernel.Data;

namespace Peyvand.Bench;

/// <summary>
/// The floor under the app (ADR 0014): bare ASP.NET Core — Kestrel and one minimal-API route, no middleware, no EF, no
/// authentication — answering GET /api/v1/contacts/{id} with the raw read's rows as JSON. It is what a web application on
/// this stack reaches when it does nothing but the read, so it splits the gap between the app and the raw read into the
/// HTTP hop every web application pays and what the app itself does on top.
/// </summary>
public static class Floor
{
    public static async Task ServeAsync(string postgres, Guid tenantId, Uri url)
    {
        if (!url.IsLoopback)
            throw new ArgumentException("the floor listens on a loopback address only", nameof(url));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url.ToString());
        await using var app = builder.Build();
        await using var database = NpgsqlDataSource.Create(DatabaseSettings.Tuned(postgres));
        var read = RawContactRead.AsTheApp(database, tenantId);
        app.MapGet("/api/v1/contacts/{id:guid}", async (Guid id, CancellationToken ct) =>
            await read.ReadAsync(id, ct) is { Count: > 0 } rows ? Results.Json(rows) : Results.NotFound());
        await app.RunAsync();
    }

    /// <summary>
    /// Runs <see cref="ServeAsync"/> in a process of its own with the app's runtime settings (server GC, idle thread-pool
    /// threads do not spin) and waits until it answers a read of <paramref name="someId"/>. Kill it when done.
    /// </summary>
    public static async Task<Process> StartAsync(string postgres, Guid tenantId, Guid someId, Uri url)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(Floor).Assembly.Location, "floor", "--postgres", postgres, "--tenant", tenantId.ToString(), "--url", url.ToString() },
            Environment = { ["DOTNET_gcServer"] = "1", ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0" },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the floor did not start");
        try
        {
            using var http = new HttpClient { BaseAddress = url };
            for (var attempt = 0; attempt < 300; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync($"/api/v1/contacts/{someId}");
                    return response.IsSuccessStatusCode ? process
                        : throw new InvalidOperationException($"the floor answered {(int)response.StatusCode}");
                }
                catch (HttpRequestException) when (!process.HasExited)
                {
                    await Task.Delay(100);
                }
            }
            throw new InvalidOperationException("the floor did not answer within 30 s");
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }
}
