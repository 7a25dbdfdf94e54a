using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Kernel.Api;

/// <summary>
/// Honours <c>Idempotency-Key</c> on API POSTs: the first request with a key runs and its response is stored;
/// repeats get that response back and create nothing. The same key with a different body is refused (422).
/// The handler runs inside one database transaction that also stores the response, so a write is committed if and
/// only if its replayable response is: a node that dies at any point leaves either both or neither, and a retry with
/// the key then replays the response or performs the write for the first time. Attempts that fail with an exception
/// or a 5xx roll back, so they can be retried.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// How long (60 s) PostgreSQL lets a keyed request's transaction sit idle before it ends it: bounds how long the locks of a
    /// node that vanished without closing its connection (a machine crash, a network split) can hold up a retry.
    /// </summary>
    private const string BoundAbandonedTransactions = "SET LOCAL idle_in_transaction_session_timeout = '60s'";

    // Every other API request passes straight through: no state machine, and no database context leased for it.
    public Task InvokeAsync(HttpContext http, CurrentUser user)
    {
        var key = http.Request.Headers[Header].ToString();
        return !HttpMethods.IsPost(http.Request.Method) || string.IsNullOrEmpty(key) || !user.IsAuthenticated
            ? next(http)
            : RunOnceAsync(http, user, key, http.RequestServices.GetRequiredService<PeyvandDbContext>(),
                http.RequestServices.GetRequiredService<IProblemDetailsService>());
    }

    private async Task RunOnceAsync(HttpContext http, CurrentUser user, string key, PeyvandDbContext db, IProblemDetailsService problems)
    {
        if (key.Length > IdempotencyRecord.MaxKeyLength)
        {
            await ProblemAsync(http, problems, StatusCodes.Status400BadRequest, ApiText.IdempotencyKeyTooLong(Header, IdempotencyRecord.MaxKeyLength));
            return;
        }

        key = ScopedKey(user, key);
        var hash = await HashRequestAsync(http.Request);
        if (await FindAsync(db, key, http.RequestAborted) is { } existing)
        {
            await ReplayOrRefuseAsync(http, problems, existing, hash);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var storing = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync(BoundAbandonedTransactions, http.RequestAborted);
            }
            await next(http);
            if (http.Response.StatusCode >= 500)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            else
            {
                // Whatever the handler left tracked is saved or abandoned by now; only the record goes in below.
                db.ChangeTracker.Clear();
                storing = true;
                db.Add(new IdempotencyRecord
                {
                    Key = key,
                    RequestHash = hash,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    Completed = true,
                    StatusCode = http.Response.StatusCode,
                    ContentType = http.Response.ContentType,
                    Location = http.Response.Headers.Location.ToString(),
                    ETag = http.Response.Headers.ETag.ToString(),
                    Body = buffer.ToArray(),
                });
                // The commit point of the write and of its stored response: one transaction, so never one without the other.
                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
        }
        catch (DbUpdateException ex) when (storing && DatabaseErrors.IsUniqueViolation(ex))
        {
            // The same request, sent twice at once, committed first elsewhere: this attempt's write was rolled back
            // with its transaction, and the caller gets the first attempt's response.
            http.Response.Clear();
            http.Response.Body = original;
            db.ChangeTracker.Clear();
            var winner = await FindAsync(db, key, CancellationToken.None);
            if (winner is null)
                throw;
            await ReplayOrRefuseAsync(http, problems, winner, hash);
            return;
        }
        finally
        {
            http.Response.Body = original;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static Task<IdempotencyRecord?> FindAsync(PeyvandDbContext db, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);

    private static async Task ReplayOrRefuseAsync(HttpContext http, IProblemDetailsService problems, IdempotencyRecord existing, string hash)
    {
        if (existing.RequestHash != hash)
        {
            await ProblemAsync(http, problems, StatusCodes.Status422UnprocessableEntity, ApiText.IdempotencyReusedTitle, ApiText.IdempotencyReusedDetail);
            return;
        }
        if (!existing.Completed)
        {
            // Only records written by an earlier version (which stored the response after the write's commit) can be
            // incomplete; they are purged after the retention period.
            await ProblemAsync(http, problems, StatusCodes.Status409Conflict, ApiText.IdempotencyInProgressTitle, ApiText.IdempotencyInProgressDetail);
            return;
        }
        http.Response.StatusCode = existing.StatusCode;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(existing.ContentType))
            http.Response.ContentType = existing.ContentType;
        if (!string.IsNullOrEmpty(existing.Location))
            http.Response.Headers.Location = existing.Location;
        if (!string.IsNullOrEmpty(existing.ETag))
            http.Response.Headers.ETag = existing.ETag;
        if (existing.Body is { Length: > 0 } body)
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    // Clients name their keys, so two users of a tenant may well pick the same one; a replay must never hand one user
    // another's response (a newly issued API key, say). The stored key is the caller's user id and a hash of theirs.
    private static string ScopedKey(CurrentUser user, string key) =>
        $"{user.UserId:N}:{Text.Secrets.Hash(key)}";

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static async Task ProblemAsync(HttpContext http, IProblemDetailsService problems, int status, string title, string? detail = null)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
