using System.Net.Http.Json;
using System.Text.Json;

namespace Peyvand.Bench;

/// <summary>What the scenarios read and write: ids, an owner and a tag that exist in the target organisation.</summary>
public sealed record Fixture(IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> CompanyIds, Guid OwnerId, string Tag)
{
    public static readonly string[] SearchTerms = ["احمدی", "محمدي", "sara", "karimi", "0912", "gmail", "مدیر فروش", "زهرا حسینی", "reza.k"];

    /// <summary>Samples ids from both ends of the lists (oldest and newest), the way people open records.</summary>
    public static async Task<Fixture> LoadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var contacts = new List<Guid>();
        var companies = new List<Guid>();
        Guid? owner = null;
        foreach (var sort in new[] { "createdAt", "-createdAt", "lastName", "-lastName" })
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?limit=200&sort={sort}", cancellationToken);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                contacts.Add(item.GetProperty("id").GetGuid());
                if (owner is null && item.GetProperty("ownerId").ValueKind == JsonValueKind.String)
                    owner = item.GetProperty("ownerId").GetGuid();
            }
            var companyPage = await http.GetFromJsonAsync<JsonElement>($"/api/v1/companies?limit=100&sort={sort.Replace("lastName", "name", StringComparison.Ordinal)}", cancellationToken);
            companies.AddRange(companyPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }
        if (contacts.Count == 0 || companies.Count == 0 || owner is null)
            throw new InvalidOperationException("The organisation has no contacts or companies: run seed-demo first.");
        return new Fixture(contacts.Distinct().ToList(), companies.Distinct().ToList(), owner.Value, "vip");
    }
}

/// <summary>The request mixes the harness drives; each step sends one request and returns its name and status.</summary>
public sealed class Scenarios(HttpClient http, Fixture fixture, string? extraFilter = null)
{
    private static readonly string[] BenchTag = ["bench"];

    /// <summary>The three list queries of issue 4.10, each measured on its own.</summary>
    public IReadOnlyDictionary<string, Func<Random, CancellationToken, Task<(string, int)>>> ListQueries() => new Dictionary<string, Func<Random, CancellationToken, Task<(string, int)>>>
    {
        ["first page"] = (_, ct) => GetAsync("first page", "/api/v1/contacts?limit=50", ct),
        // Owner + tag + a custom field (bench/run.sh passes --filter cf.region=north, the field seed-demo fills).
        ["filtered"] = (_, ct) => GetAsync("filtered", $"/api/v1/contacts?limit=50&ownerId={fixture.OwnerId}&tag={fixture.Tag}{(extraFilter is null ? "" : "&" + extraFilter)}", ct),
        ["search"] = (random, ct) => GetAsync("search", $"/api/v1/contacts?limit=50&q={Uri.EscapeDataString(Pick(random, Fixture.SearchTerms))}", ct),
        // The filtered list's count by stage, and the home page's overview (every count an administrator's home makes).
        ["count by stage"] = (_, ct) => GetAsync("count by stage", $"/api/v1/contacts/count?groupBy=lifecycleStage&ownerId={fixture.OwnerId}&tag={fixture.Tag}", ct),
        ["overview"] = (_, ct) => GetAsync("overview", "/api/v1/overview", ct),
    };

    public Task<(string, int)> ReadContactAsync(Random random, CancellationToken ct) =>
        GetAsync("view contact", $"/api/v1/contacts/{Pick(random, fixture.ContactIds)}", ct);

    /// <summary>A day at a CRM: mostly reading and searching, some writing (issue 5.1).</summary>
    public async Task<(string, int)> MixedAsync(Random random, CancellationToken ct)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 30 => await ReadContactAsync(random, ct),
            < 35 => await GetAsync("view company", $"/api/v1/companies/{Pick(random, fixture.CompanyIds)}", ct),
            < 50 => await GetAsync("list contacts", "/api/v1/contacts?limit=50", ct),
            < 55 => await GetAsync("list companies", "/api/v1/companies?limit=50", ct),
            < 65 => await GetAsync("search", $"/api/v1/search?q={Uri.EscapeDataString(Pick(random, Fixture.SearchTerms))}", ct),
            < 70 => await GetAsync("timeline", $"/api/v1/contacts/{Pick(random, fixture.ContactIds)}/timeline?limit=20", ct),
            < 78 => await SendAsync("create contact", HttpMethod.Post, "/api/v1/contacts", new
            {
                firstName = "بنچ", lastName = $"آزمون {random.Next(1_000_000)}",
                emails = new[] { new { value = $"bench{random.Next()}@example.com" } },
                phones = new[] { new { value = $"0912{random.Next(1_000_000, 9_999_999)}" } },
                tags = BenchTag, companyId = Pick(random, fixture.CompanyIds),
            }, ct),
            < 86 => await SendAsync("update contact", HttpMethod.Patch, $"/api/v1/contacts/{Pick(random, fixture.ContactIds)}",
                new { jobTitle = $"کارشناس {random.Next(100)}" }, ct),
            < 89 => await SendAsync("create company", HttpMethod.Post, "/api/v1/companies",
                new { name = $"شرکت آزمون {random.Next(1_000_000)}", industry = "نرم‌افزار", tags = BenchTag }, ct),
            < 92 => await SendAsync("update company", HttpMethod.Patch, $"/api/v1/companies/{Pick(random, fixture.CompanyIds)}",
                new { industry = random.Next(2) == 0 ? "بازرگانی" : "Trading" }, ct),
            _ => await SendAsync("add activity", HttpMethod.Post, "/api/v1/activities", new
            {
                kind = "call", subject = "پیگیری", direction = "outbound", durationSeconds = random.Next(30, 900),
                contactIds = new[] { Pick(random, fixture.ContactIds) },
            }, ct),
        };
    }

    private async Task<(string, int)> GetAsync(string operation, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        return (operation, (int)response.StatusCode);
    }

    private async Task<(string, int)> SendAsync(string operation, HttpMethod method, string path, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        return (operation, (int)response.StatusCode);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
