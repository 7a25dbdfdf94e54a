using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Outbox;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Tests.Platform;

/// <summary>Domain events go through the transactional outbox: only committed changes are dispatched, and exactly once.</summary>
public abstract class OutboxTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Inviting_a_user_emails_them_a_link_after_the_commit()
    {
        Mailbox.Require();
        var tenant = await app.CreateTenantAsync();
        var email = $"invited-{Guid.NewGuid():N}@example.com";
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "مهمان تازه" });
        await response.ShouldHaveAsync(HttpStatusCode.Created);

        var message = Assert.Single(await Mailbox.WaitForAsync(email));
        Assert.Contains("/account/reset-password?email=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("مهمان تازه", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_raised_in_a_rolled_back_transaction_is_never_dispatched()
    {
        var tenant = await app.CreateTenantAsync();
        var email = $"ghost-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id, tenant.AdminUserId);
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<ResourceService<AppUser, UserWrite, UserView>>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await users.CreateAsync(new UserWrite(email, "Ghost"), CancellationToken.None);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.TenantId == tenant.Id && m.Type == "identity.user-invited"));
            await transaction.RollbackAsync();
        }

        // A committed invitation made after it is dispatched; by then the rolled-back one would have been too.
        var witness = $"witness-{Guid.NewGuid():N}@example.com";
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/users", new { email = witness, displayName = "Witness" })).ShouldHaveAsync(HttpStatusCode.Created);
        await WaitUntilAsync(() => app.InTenantAsync(tenant.Id, db =>
            db.OutboxMessages.AnyAsync(m => m.TenantId == tenant.Id && m.ProcessedAt != null)));

        var pending = await app.InTenantAsync(tenant.Id, db => db.OutboxMessages.Where(m => m.TenantId == tenant.Id).ToListAsync());
        Assert.Single(pending);
        Assert.DoesNotContain(email, pending[0].Payload, StringComparison.OrdinalIgnoreCase);
        if (Mailbox.Folder is not null)
            Assert.Empty(Mailbox.MessagesTo(email));
    }

    [Fact]
    public async Task A_committed_event_is_handled_exactly_once_even_when_the_app_stops_mid_dispatch()
    {
        app.RequireDatabase();
        var probe = new Probe();
        var first = new PeyvandAppFactory(app.Provider, services: Register(probe, block: true));
        await first.InitializeAsync();
        var tenant = await first.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/users", new { email = $"probe-{Guid.NewGuid():N}@example.com", displayName = "Probe" });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        var userId = (await response.JsonAsync()).GetProperty("id").GetGuid();

        // The handler has written its effect inside the dispatch transaction and hangs: stop the app now.
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var restarted = first.SharingDatabase(Register(probe, block: false));
        await first.DisposeAsync();

        await restarted.InitializeAsync();
        await WaitUntilAsync(() => restarted.InTenantAsync(tenant.Id, db =>
            db.OutboxMessages.AnyAsync(m => m.TenantId == tenant.Id && m.ProcessedAt != null)));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a few more worker rounds: nothing may run twice

        var effects = await restarted.InTenantAsync(tenant.Id, db =>
            db.AuditEntries.CountAsync(a => a.EntityType == ProbeHandler.EffectType && a.EntityId == userId));
        Assert.Equal(1, effects);
        Assert.Equal(2, probe.Invocations); // once interrupted (rolled back), once completed
        await restarted.DisposeAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the outbox worker.");
            await Task.Delay(100);
        }
    }

    private sealed class Probe
    {
        private int _invocations;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Invocations => _invocations;
        public void Invoked() => Interlocked.Increment(ref _invocations);
    }

    /// <summary>Writes a database effect in the dispatch transaction; the blocking variant then hangs as a crashing node would.</summary>
    private sealed class ProbeHandler(PeyvandDbContext db, Probe probe, bool block) : IDomainEventHandler<UserInvited>
    {
        public const string EffectType = "OutboxProbe";

        public async Task HandleAsync(UserInvited domainEvent, OutboxContext context, CancellationToken cancellationToken)
        {
            probe.Invoked();
            db.AuditEntries.Add(new AuditEntry
            {
                TenantId = context.TenantId,
                EntityType = EffectType,
                EntityId = domainEvent.UserId,
                Action = "handled",
                Changes = "{}",
                At = context.OccurredAt,
            });
            await db.SaveChangesAsync(cancellationToken);
            if (block)
            {
                probe.Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }

    private static Action<IServiceCollection> Register(Probe probe, bool block) =>
        s => s.AddScoped<IDomainEventHandler<UserInvited>>(sp => new ProbeHandler(sp.GetRequiredService<PeyvandDbContext>(), probe, block));
}

public sealed class OutboxTestsSqlite(SqliteApp app) : OutboxTests(app);

public sealed class OutboxTestsPostgres(PostgresApp app) : OutboxTests(app);
