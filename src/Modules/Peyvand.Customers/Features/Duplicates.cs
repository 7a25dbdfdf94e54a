using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

/// <summary>An existing record a new one may duplicate, and why: "email", "phone", "nationalId" or "name".</summary>
public sealed record DuplicateCandidate(string Type, Guid Id, string Title, string? Subtitle, IReadOnlyList<string> Reasons);

public sealed record DuplicateCandidates(IReadOnlyList<DuplicateCandidate> Items);

/// <summary>
/// Finds the records a would-be contact or company may duplicate: same email, phone or national ID, or a very similar
/// name (for a contact: at the same company). Reads through the caller's visibility, so a record the caller may not
/// read is never mentioned, not even counted (docs/adr/0006-search.md explains why).
/// </summary>
public sealed class Duplicates(PeyvandDbContext db)
{
    /// <summary>Names at least this similar (trigram word similarity, both ways) count as the same name.</summary>
    public const double NameThreshold = 0.5;

    private const int MaxCandidates = 20;

    public async Task<DuplicateCandidates> ForContactAsync(ContactWrite write, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand(CustomersModule.Contacts, PermissionAction.Read);
        Validation.Ensure(write); // the same length limits as a create: a would-be record that could not be saved is a 400
        var found = new Dictionary<Guid, (Contact Contact, List<string> Reasons)>();
        void Add(IEnumerable<Contact> contacts, string reason)
        {
            foreach (var c in contacts)
            {
                if (!found.TryGetValue(c.Id, out var entry))
                    found[c.Id] = entry = (c, []);
                if (!entry.Reasons.Contains(reason))
                    entry.Reasons.Add(reason);
            }
        }
        var contacts = db.Set<Contact>().AsNoTracking();

        foreach (var email in (write.Emails ?? []).Select(e => e.Value?.Trim().ToLowerInvariant()).Where(e => !string.IsNullOrEmpty(e)).Distinct())
            Add((await contacts.Matching(email!, c => c.SearchText).Take(MaxCandidates).ToListAsync(cancellationToken))
                .Where(c => c.Emails.Any(e => e.Value == email)), "email");

        foreach (var phone in (write.Phones ?? []).Select(p => Kernel.Text.Phones.ToE164(p.Value)).OfType<string>().Distinct())
            Add((await contacts.Matching(phone[1..], c => c.SearchText).Take(MaxCandidates).ToListAsync(cancellationToken))
                .Where(c => c.Phones.Any(p => p.Value == phone)), "phone");

        if (IranianNationalId.Normalize(write.NationalId) is { } nationalId)
            Add(await contacts.Where(c => c.NationalId == nationalId).Take(MaxCandidates).ToListAsync(cancellationToken), "nationalId");

        var name = PersianText.NormalizeForSearch($"{write.FirstName} {write.LastName}");
        if (write.CompanyId is { } companyId && name.Length > 0)
        {
            var colleagues = await contacts.Where(c => c.CompanyId == companyId).OrderBy(c => c.Id).Take(500).ToListAsync(cancellationToken);
            Add(colleagues.Where(c => SimilarNames(name, PersianText.NormalizeForSearch(c.FullName))), "name");
        }

        return new DuplicateCandidates([.. found.Values.Take(MaxCandidates).Select(f =>
            new DuplicateCandidate("contact", f.Contact.Id, f.Contact.FullName, f.Contact.PrimaryEmail ?? f.Contact.PrimaryPhone, f.Reasons))]);
    }

    public async Task<DuplicateCandidates> ForCompanyAsync(CompanyWrite write, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand(CustomersModule.Companies, PermissionAction.Read);
        Validation.Ensure(write);
        var found = new Dictionary<Guid, (Company Company, List<string> Reasons)>();
        void Add(IEnumerable<Company> companies, string reason)
        {
            foreach (var c in companies)
            {
                if (!found.TryGetValue(c.Id, out var entry))
                    found[c.Id] = entry = (c, []);
                if (!entry.Reasons.Contains(reason))
                    entry.Reasons.Add(reason);
            }
        }
        var companies = db.Set<Company>().AsNoTracking();

        foreach (var phone in (write.Phones ?? []).Select(p => Kernel.Text.Phones.ToE164(p.Value)).OfType<string>().Distinct())
            Add((await companies.Matching(phone[1..], c => c.SearchText).Take(MaxCandidates).ToListAsync(cancellationToken))
                .Where(c => c.Phones.Any(p => p.Value == phone)), "phone");

        var nationalId = Kernel.Localization.Digits.ToAscii(write.NationalId?.Trim() ?? "");
        if (nationalId.Length == 11 && nationalId.All(char.IsAsciiDigit))
            Add(await companies.Where(c => c.NationalId == nationalId).Take(MaxCandidates).ToListAsync(cancellationToken), "nationalId");

        var name = PersianText.NormalizeForSearch(write.Name);
        if (name.Length > 0)
        {
            var similar = await companies.Matching(db, name, c => c.SearchText)
                .OrderBy(Search.Relevance<Company>(name, c => c.SearchText)).Take(100).ToListAsync(cancellationToken);
            Add(similar.Where(c => SimilarNames(name, PersianText.NormalizeForSearch(c.Name))), "name");
        }

        return new DuplicateCandidates([.. found.Values.Take(MaxCandidates).Select(f =>
            new DuplicateCandidate("company", f.Company.Id, f.Company.Name, f.Company.Industry, f.Reasons))]);
    }

    /// <summary>The same name however spaced, or a close typo of it both ways ("Ali Rezaie" / "Alí Rezaei").</summary>
    public static bool SimilarNames(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return false;
        if (a.Replace(" ", "", StringComparison.Ordinal) == b.Replace(" ", "", StringComparison.Ordinal))
            return true;
        return Math.Min(Trigrams.WordSimilarity(a, b), Trigrams.WordSimilarity(b, a)) >= NameThreshold;
    }
}
