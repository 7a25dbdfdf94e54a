using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;

namespace Peyvand.Tests.Platform;

/// <summary>
/// A node that dies while it answers a keyed POST (issue 5, docs/deploy.md): whatever the moment, a retry with the same
/// <c>Idempotency-Key</c> either replays the original response or performs the write for the first time — never a
/// lasting 409 "in progress", never a second write. The crash is injected into the database conversation itself: on
/// PostgreSQL the server ends the request's session (as when the node's process is killed), on SQLite the command fails.
/// </summary>
public abstract class IdempotencyCrashTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly Crash _crash = new();
    private PeyvandAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new PeyvandAppFactory(provider, services: s => s.AddSingleton<IInterceptor>(_crash));
        await _app.InitializeAsync();
        _crash.ConnectionString = _app.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_node_dying_after_the_write_but_before_its_response_is_stored_leaves_nothing_and_the_retry_writes_once()
    {
        var tenant = await _app.CreateTenantAsync();
        var body = ContactBody("Crash before commit");

        _crash.Arm(CrashPoint.StoringResponse);
        var dying = await tenant.Admin.SendRawAsync("POST", "/api/v1/contacts", body, idempotencyKey: "crash-1");
        Assert.True(_crash.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, dying.StatusCode);
        Assert.Equal(0, await tenant.CountAsync<Contact>()); // the contact went with the uncommitted transaction

        var retry = await tenant.Admin.SendRawAsync("POST", "/api/v1/contacts", body, idempotencyKey: "crash-1");
        var again = await tenant.Admin.SendRawAsync("POST", "/api/v1/contacts", body, idempotencyKey: "crash-1");

        await retry.ShouldHaveAsync(HttpStatusCode.Created);
        await again.ShouldHaveAsync(HttpStatusCode.Created);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(retry.Headers.Location, again.Headers.Location);
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await tenant.CountAsync<Contact>());
    }

    [Fact]
    public async Task A_node_dying_after_the_commit_but_before_answering_has_its_response_replayed_to_the_retry()
    {
        var tenant = await _app.CreateTenantAsync();
        var body = ContactBody("Crash after commit");

        _crash.Arm(CrashPoint.AfterCommit);
        var dying = await tenant.Admin.SendRawAsync("POST", "/api/v1/contacts", body, idempotencyKey: "crash-2");
        Assert.True(_crash.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, dying.StatusCode); // the client never heard of its 201
        Assert.Equal(1, await tenant.CountAsync<Contact>());

        var retry = await tenant.Admin.SendRawAsync("POST", "/api/v1/contacts", body, idempotencyKey: "crash-2");

        await retry.ShouldHaveAsync(HttpStatusCode.Created);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var id = (await retry.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(id, await _app.InTenantAsync(tenant.Id, db => db.Set<Contact>().Select(c => c.Id).SingleAsync()));
        Assert.Equal(1, await tenant.CountAsync<Contact>());
    }

    [Fact]
    public async Task The_same_keyed_request_sent_several_times_at_once_writes_once_and_every_sender_gets_the_same_201()
    {
        var tenant = await _app.CreateTenantAsync();
        var body = ContactBody("Sent four times");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => tenant.Admin.SendRawAsync("POST", "/api/v1/contacts", body, idempotencyKey: "burst")));

        foreach (var response in responses)
            await response.ShouldHaveAsync(HttpStatusCode.Created);
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await tenant.CountAsync<Contact>());
    }

    private static string ContactBody(string lastName) =>
        $$"""{"firstName":"Idem","lastName":"{{lastName}}","emails":[{"value":"idem-{{Guid.NewGuid():N}}@example.com"}]}""";

    private enum CrashPoint
    {
        None,
        StoringResponse,
        AfterCommit,
    }

    /// <summary>Kills the request's database session (PostgreSQL) or fails its command (SQLite) once, at the armed point.</summary>
    private sealed class Crash : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private int _armed;

        public string? ConnectionString { get; set; }
        public bool Fired { get; private set; }

        public void Arm(CrashPoint point)
        {
            Fired = false;
            _armed = (int)point;
        }

        private bool Take(CrashPoint point)
        {
            if (Interlocked.CompareExchange(ref _armed, (int)CrashPoint.None, (int)point) != (int)point)
                return false;
            Fired = true;
            return true;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await CrashIfStoringAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await CrashIfStoringAsync(command);
            return result;
        }

        private async Task CrashIfStoringAsync(DbCommand command)
        {
            var text = command.CommandText;
            if (!text.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
                || !(text.Contains("idempotency_records", StringComparison.Ordinal) || text.Contains("IdempotencyRecords", StringComparison.Ordinal))
                || !Take(CrashPoint.StoringResponse))
                return;
            if (command.Connection is NpgsqlConnection session)
            {
                // As when the node's process dies: the server sees the session end and rolls its transaction back.
                await using var other = new NpgsqlConnection(ConnectionString);
                await other.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", other);
                kill.Parameters.AddWithValue("pid", session.ProcessID);
                await kill.ExecuteScalarAsync();
                return; // the insert now fails on a dead connection
            }
            throw new InvalidOperationException("Simulated node crash while storing the Idempotency-Key response.");
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
            Take(CrashPoint.AfterCommit)
                ? throw new InvalidOperationException("Simulated node crash after the commit, before the response was sent.")
                : Task.CompletedTask;
    }
}

public sealed class IdempotencyCrashTestsSqlite() : IdempotencyCrashTests(DatabaseProvider.Sqlite);

public sealed class IdempotencyCrashTestsPostgres() : IdempotencyCrashTests(DatabaseProvider.Postgres);
