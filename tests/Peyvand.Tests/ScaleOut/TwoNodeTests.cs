using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Data;

namespace Peyvand.Tests.ScaleOut;

/// <summary>
/// Two application nodes over one PostgreSQL database, as behind a load balancer (docs/deploy.md): what one node
/// issues the other honours, and background work runs once across both. eng/scale-out.sh checks the same through nginx
/// with published builds, and adds a node killed under write load.
/// </summary>
public sealed partial class TwoNodeTests : IAsyncLifetime
{
    private PeyvandAppFactory _nodeA = null!;
    private PeyvandAppFactory _nodeB = null!;

    public async ValueTask InitializeAsync()
    {
        _nodeA = new PeyvandAppFactory(DatabaseProvider.Postgres);
        await _nodeA.InitializeAsync();
        _nodeB = _nodeA.SharingDatabase();
        if (_nodeA.ConnectionString is not null)
            await _nodeB.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync(); // owns the database now: drops it
    }

    [Fact]
    public async Task A_sign_in_cookie_and_antiforgery_token_issued_by_one_node_are_accepted_by_the_other()
    {
        var tenant = await _nodeA.CreateTenantAsync();
        using var a = Browser(_nodeA);
        using var b = Browser(_nodeB);

        // The form (and its antiforgery token) comes from node A; the post goes to node B.
        using var form = await a.GetAsync("/account/login");
        await form.ShouldHaveAsync(HttpStatusCode.OK);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.Email"] = tenant.AdminEmail,
                ["Input.Password"] = PeyvandAppFactory.AdminPassword,
                ["Input.ReturnUrl"] = "/",
            }),
        };
        post.Headers.Add("Cookie", Cookies(form));
        using var signedIn = await b.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = Cookies(signedIn);
        Assert.Contains("peyvand.auth=", authCookie, StringComparison.Ordinal);

        // The cookie node B issued opens the home page on node A; without it node A sends the visitor to sign in.
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/");
        withCookie.Headers.Add("Cookie", authCookie);
        using var home = await a.SendAsync(withCookie);
        await home.ShouldHaveAsync(HttpStatusCode.OK);
        using var anonymous = await a.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_sent_through_both_nodes_are_each_emailed_exactly_once()
    {
        Mailbox.Require();
        var tenant = await _nodeA.CreateTenantAsync();
        using var viaB = _nodeB.ApiClient(await _nodeA.IssueKeyAsync(tenant.Id, tenant.AdminUserId));
        var emails = Enumerable.Range(0, 10).Select(i => $"node-invite-{i}-{Guid.NewGuid():N}@example.com").ToList();

        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
        {
            var client = i % 2 == 0 ? tenant.Admin : viaB;
            await (await client.PostAsJsonAsync("/api/v1/users", new { email, displayName = $"Node {i}" })).ShouldHaveAsync(HttpStatusCode.Created);
        }

        foreach (var email in emails)
            Assert.NotEmpty(await Mailbox.WaitForAsync(email, timeout: TimeSpan.FromSeconds(30)));
        await Task.Delay(TimeSpan.FromSeconds(2)); // several more outbox rounds on both nodes: nothing may be sent twice
        Assert.All(emails, email => Assert.Single(Mailbox.MessagesTo(email)));
        var processed = await _nodeA.InTenantAsync(tenant.Id, db => db.OutboxMessages
            .Where(m => m.TenantId == tenant.Id && m.Type == "identity.user-invited")
            .Select(m => new { m.ProcessedAt, m.Attempts }).ToListAsync());
        Assert.Equal(emails.Count, processed.Count);
        Assert.All(processed, m => Assert.NotNull(m.ProcessedAt));
    }

    private static HttpClient Browser(PeyvandAppFactory node) =>
        node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
