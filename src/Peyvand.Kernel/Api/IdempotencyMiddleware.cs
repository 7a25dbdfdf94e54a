using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Kernel.Api;

/// <summary>
/// Honours <c>Idempotency-Key</c> on API POSTs: the first request with a key runs and its response is stored;
/// repeats get that response back and create nothing. The same key with a different body is refused (422);
/// a repeat while the first is still running gets 409. Attempts that fail with an exception or a 5xx are forgotten
/// so they can be retried.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext http, PeyvandDbContext db, CurrentUser user, IProblemDetailsService problems)
    {
        var key = http.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || string.IsNullOrEmpty(key) || !user.IsAuthenticated)
        {
            await next(http);
            return;
        }
        if (key.Length > IdempotencyRecord.MaxKeyLength)
        {
            await ProblemAsync(http, problems, StatusCodes.Status400BadRequest, $"{Header} must be at most {IdempotencyRecord.MaxKeyLength} characters.");
            return;
        }

        key = ScopedKey(user, key);
        var hash = await HashRequestAsync(http.Request);
        var existing = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, http.RequestAborted);
        if (existing is not null)
        {
            await ReplayOrRefuseAsync(http, problems, existing, hash);
            return;
        }

        var record = new IdempotencyRecord { Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await ProblemAsync(http, problems, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is already in progress.");
            return;
        }
        db.ChangeTracker.Clear();

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            // The handler threw (bad input, a conflict, a failed save), so nothing was stored: forget the key, or every
            // retry would be told the first attempt is still in progress.
            await ForgetAsync(db, record);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode >= 500)
        {
            await ForgetAsync(db, record);
        }
        else
        {
            await db.Set<IdempotencyRecord>().Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Completed, true)
                .SetProperty(r => r.StatusCode, http.Response.StatusCode)
                .SetProperty(r => r.ContentType, http.Response.ContentType)
                .SetProperty(r => r.Location, http.Response.Headers.Location.ToString())
                .SetProperty(r => r.ETag, http.Response.Headers.ETag.ToString())
                .SetProperty(r => r.Body, buffer.ToArray()), CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ForgetAsync(PeyvandDbContext db, IdempotencyRecord record) =>
        await db.Set<IdempotencyRecord>().Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);

    private static async Task ReplayOrRefuseAsync(HttpContext http, IProblemDetailsService problems, IdempotencyRecord existing, string hash)
    {
        if (existing.RequestHash != hash)
        {
            await ProblemAsync(http, problems, StatusCodes.Status422UnprocessableEntity, $"This {Header} was used for a different request.");
            return;
        }
        if (!existing.Completed)
        {
            await ProblemAsync(http, problems, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is already in progress.");
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

    private static async Task ProblemAsync(HttpContext http, IProblemDetailsService problems, int status, string title)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
