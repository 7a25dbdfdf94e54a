using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using static Peyvand.Customers.Demo.DemoVocabulary;

namespace Peyvand.Customers.Demo;

/// <summary>How much demo data to make: contacts, companies and activities in total (activities spread over contacts).</summary>
public sealed record DemoSize(int Contacts, int Companies, int Activities)
{
    public static DemoSize For(int contacts, int? companies = null, int? activities = null) =>
        new(contacts, companies ?? contacts / 5, activities ?? contacts * 5);
}

/// <summary>New rows with the time each was created (history spreads over two years).</summary>
public sealed class DemoBatch<T>
{
    public List<T> Rows { get; } = [];
    public Dictionary<Guid, DateTime> CreatedAt { get; } = [];
}

/// <summary>One batch of contacts with their company relations, their activities and the activities' links.</summary>
public sealed class DemoContactBatch
{
    public DemoBatch<Contact> Contacts { get; } = new();
    public DemoBatch<Activity> Activities { get; } = new();
    public List<ActivityLink> Links { get; } = [];

    /// <summary>Each employed contact's primary company relation (the API keeps one for <c>companyId</c>, too).</summary>
    public List<ContactCompany> CompanyLinks { get; } = [];
}

/// <summary>
/// Realistic bilingual CRM data, the same for the same seed: Persian names in Persian and Latin script and English names,
/// valid Iranian mobiles and landlines (E.164) and national IDs, companies by industry across Iranian cities, lifecycle
/// stages, tags, owners, and two years of notes, calls, tasks and meetings linked to contacts and their companies.
/// Rows come out in batches, validated and normalised like the API's own writes (search text, primary email and phone),
/// so any number of them streams in bounded memory. Ids are fresh GUID v7s; everything else follows from the seed.
/// Shared by <c>seed-demo</c> and the benchmark (bench/), which loads it through <c>seed-demo</c>. With
/// <paramref name="regions"/> (the options of a single-select custom field <c>region</c>), most contacts get a region.
/// </summary>
public sealed class DemoDataGenerator(int seed, DateTime now, IReadOnlyList<Guid> ownerIds, IReadOnlyList<(string Value, string Fa, string En)>? regions = null)
{
    /// <summary>The key of the demo custom field filled from <c>regions</c>.</summary>
    public const string RegionField = "region";

    private static readonly TimeSpan History = TimeSpan.FromDays(730);
    private readonly Random _random = new(seed);
    // Addresses draw from their own sequence, so adding them left every other generated value as it was.
    private readonly Random _places = new(seed + 1);
    private readonly DateTime _start = now - History;
    private readonly List<(Guid Id, string Domain, int City, bool Persian)> _companies = [];

    public IEnumerable<DemoBatch<Company>> Companies(int count, int batchSize)
    {
        var batch = new DemoBatch<Company>();
        var combinations = CompanyStems.Length * Industries.Length * CompanyForms.Length;
        for (var i = 0; i < count; i++)
        {
            var persian = _random.NextDouble() < 0.6;
            var stem = Pick(CompanyStems);
            var industry = Pick(Industries);
            var form = Pick(CompanyForms);
            var city = _random.Next(Cities.Length);
            var branch = i / combinations > 0 ? $" {i / combinations + 1}" : "";
            var name = persian ? $"{form.Fa} {industry.Fa} {stem.Fa}{branch}" : $"{stem.En} {industry.En} {form.En}{branch}";
            var domain = $"{stem.En.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)}{i}.ir";
            var parent = _companies.Count > 10 && _random.NextDouble() < 0.05 ? _companies[_random.Next(_companies.Count)].Id : (Guid?)null;
            var company = new Company
            {
                Name = name,
                LegalName = persian ? $"شرکت {stem.Fa} {industry.Fa} (سهامی خاص)" : $"{stem.En} {industry.En} Ltd",
                NationalId = "10" + Digits(9),
                EconomicCode = "4111" + Digits(8),
                Industry = persian ? industry.Fa : industry.En,
                Size = (CompanySize)_random.Next(5),
                Website = $"https://www.{domain}",
                Phones = [new PhoneEntry { Value = Landline(city), Type = PhoneType.Work, Primary = true }],
                ParentCompanyId = parent,
                Tags = _random.NextDouble() < 0.3 ? [Pick(DemoVocabulary.Tags)] : [],
                OwnerId = Owner(),
                Addresses = [Address(city, AddressType.Work)],
            };
            company.Reindex(CompanyResource.SearchTextOf(company));
            _companies.Add((company.Id, domain, city, persian));
            batch.Rows.Add(company);
            batch.CreatedAt[company.Id] = Between(_start, now);
            if (batch.Rows.Count == batchSize)
            {
                yield return batch;
                batch = new DemoBatch<Company>();
            }
        }
        if (batch.Rows.Count > 0)
            yield return batch;
    }

    /// <summary>Contacts (70 % at one of the companies made before) and about <paramref name="activities"/> activities in all.</summary>
    public IEnumerable<DemoContactBatch> Contacts(int count, int activities, int batchSize)
    {
        var perContact = count == 0 ? 0 : 2.0 * activities / count;
        var batch = new DemoContactBatch();
        for (var i = 0; i < count; i++)
        {
            var (contact, created, company) = NewContact(i);
            batch.Contacts.Rows.Add(contact);
            batch.Contacts.CreatedAt[contact.Id] = created;
            if (company is { } employer)
                batch.CompanyLinks.Add(new ContactCompany { ContactId = contact.Id, CompanyId = employer.Id, Role = contact.JobTitle, Primary = true });
            var persian = contact.FirstName.Any(c => c >= '\u0600');
            var city = company?.City ?? _random.Next(Cities.Length);
            for (var n = (int)(_random.NextDouble() * (perContact + 1)); n > 0; n--)
                AddActivity(batch, contact, company?.Id, created, persian, city);
            if (batch.Contacts.Rows.Count == batchSize)
            {
                yield return batch;
                batch = new DemoContactBatch();
            }
        }
        if (batch.Contacts.Rows.Count > 0)
            yield return batch;
    }

    private (Contact Contact, DateTime Created, (Guid Id, string Domain, int City, bool Persian)? Company) NewContact(int index)
    {
        var script = _random.NextDouble();
        var female = _random.NextDouble() < 0.5;
        var first = Pick(female ? FemaleFirstNames : MaleFirstNames);
        var last = Pick(LastNames);
        (string First, string Last) name = script switch
        {
            < 0.6 => (first.Fa, last.Fa),
            < 0.85 => (first.En, last.En),
            _ => (Pick(EnglishFirstNames), Pick(EnglishLastNames)),
        };
        var latin = script < 0.85 ? (first.En, last.En) : name;
        (Guid Id, string Domain, int City, bool Persian)? company = _companies.Count > 0 && _random.NextDouble() < 0.7
            ? _companies[_random.Next(_companies.Count)] : null;

        var local = $"{latin.Item1}.{latin.Item2}".ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        var tag = Convert.ToString(index, 16); // keeps addresses unique, as real ones are
        var emails = new List<EmailEntry>();
        if (company is { } c && _random.NextDouble() < 0.7)
            emails.Add(new EmailEntry { Value = $"{local}.{tag}@{c.Domain}", Type = EmailType.Work });
        if (_random.NextDouble() < 0.6)
            emails.Add(new EmailEntry { Value = $"{local}{tag}@{Pick(FreeMailDomains)}", Type = EmailType.Personal });
        var phones = new List<PhoneEntry>();
        if (_random.NextDouble() < 0.9)
            phones.Add(new PhoneEntry { Value = Mobile(), Type = PhoneType.Mobile });
        if (company is { } withPhone && _random.NextDouble() < 0.25)
            phones.Add(new PhoneEntry { Value = Landline(withPhone.City), Type = PhoneType.Work });
        if (emails.Count > 0)
            emails[0].Primary = true;
        if (phones.Count > 0)
            phones[0].Primary = true;
        if (emails.Count == 0 && phones.Count == 0)
            phones.Add(new PhoneEntry { Value = Mobile(), Type = PhoneType.Mobile, Primary = true });

        var persian = script < 0.6;
        var contact = new Contact
        {
            FirstName = name.First,
            LastName = name.Last,
            Emails = emails,
            Phones = phones,
            NationalId = script < 0.85 && _random.NextDouble() < 0.7 ? NationalId() : null,
            LifecycleStage = Stage(),
            JobTitle = company is null ? null : persian ? Pick(JobTitles).Fa : Pick(JobTitles).En,
            CompanyId = company?.Id,
            Source = Pick(Sources),
            Birthday = _random.NextDouble() < 0.35 ? new DateOnly(1960, 1, 1).AddDays(_random.Next(16_000)) : null,
            Tags = [.. Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(DemoVocabulary.Tags)).Distinct()],
            OwnerId = Owner(),
        };
        // Most contacts have a home address, in their company's city more often than not.
        if (_places.NextDouble() < 0.6)
            contact.Addresses = [Address(company is { } at && _places.NextDouble() < 0.6 ? at.City : _places.Next(Cities.Length), AddressType.Home)];
        string[] customWords = [];
        if (regions is { Count: > 0 } && _random.NextDouble() < 0.8)
        {
            var region = regions[_random.Next(regions.Count)];
            contact.CustomFields = new System.Text.Json.Nodes.JsonObject { [RegionField] = region.Value }.ToJsonString();
            customWords = [region.Fa, region.En]; // what the API indexes for a select: its labels
        }
        contact.Reindex(ContactResource.SearchTextOf(contact, customWords));
        return (contact, Between(_start, now), company);
    }

    private AddressEntry Address(int city, AddressType type)
    {
        var place = Cities[city];
        return new AddressEntry
        {
            Type = type, Country = "IR", Province = IranProvinces.Find(place.ProvinceFa)!.Code, City = place.CityFa,
            Line1 = $"{Streets[_places.Next(Streets.Length)]}، پلاک {_places.Next(1, 300)}", Primary = true,
        };
    }

    private void AddActivity(DemoContactBatch batch, Contact contact, Guid? companyId, DateTime contactCreated, bool persian, int city)
    {
        // Mostly history since the contact arrived; some tasks and meetings lie in the month ahead.
        var roll = _random.NextDouble();
        var kind = roll switch { < 0.35 => ActivityKind.Note, < 0.65 => ActivityKind.Call, < 0.85 => ActivityKind.Task, _ => ActivityKind.Meeting };
        var upcoming = kind is ActivityKind.Task or ActivityKind.Meeting && _random.NextDouble() < 0.1;
        var at = upcoming ? Between(now, now.AddDays(30)) : Between(contactCreated, now);
        string Text((string Fa, string En) pair) => persian ? pair.Fa : pair.En;
        var activity = new Activity { Kind = kind, OwnerId = contact.OwnerId, OccurredAt = at };
        switch (kind)
        {
            case ActivityKind.Note:
                activity.Body = Text(Pick(NoteTexts));
                break;
            case ActivityKind.Call:
                activity.Subject = Text(Pick(CallSubjects));
                activity.Direction = _random.NextDouble() < 0.6 ? CallDirection.Outbound : CallDirection.Inbound;
                activity.DurationSeconds = _random.Next(20, 1800);
                activity.Outcome = Text(Pick(CallOutcomes));
                break;
            case ActivityKind.Task:
                activity.Subject = Text(Pick(TaskSubjects));
                activity.DueAt = at;
                activity.Priority = (TaskPriority)_random.Next(3);
                activity.CompletedAt = !upcoming && _random.NextDouble() < 0.85 ? Min(at.AddHours(_random.Next(1, 72)), now) : null;
                break;
            case ActivityKind.Meeting:
                activity.Subject = Text(Pick(MeetingSubjects));
                activity.StartAt = at;
                activity.EndAt = at.AddMinutes(30 * _random.Next(1, 5));
                activity.Location = _random.NextDouble() < 0.3 ? (persian ? "آنلاین" : "Online") : persian ? Cities[city].CityFa : Cities[city].CityEn;
                activity.AttendeeUserIds = contact.OwnerId is { } owner ? [owner] : [];
                break;
        }
        batch.Activities.Rows.Add(activity);
        batch.Activities.CreatedAt[activity.Id] = upcoming ? Between(Max(contactCreated, now.AddDays(-14)), now) : at;
        batch.Links.Add(new ActivityLink { ActivityId = activity.Id, EntityType = ActivityResource.ContactLink, EntityId = contact.Id });
        if (companyId is { } company)
            batch.Links.Add(new ActivityLink { ActivityId = activity.Id, EntityType = ActivityResource.CompanyLink, EntityId = company });
    }

    private LifecycleStage Stage() => _random.Next(100) switch
    {
        < 10 => LifecycleStage.Subscriber,
        < 40 => LifecycleStage.Lead,
        < 52 => LifecycleStage.MarketingQualifiedLead,
        < 62 => LifecycleStage.SalesQualifiedLead,
        < 72 => LifecycleStage.Opportunity,
        < 92 => LifecycleStage.Customer,
        < 95 => LifecycleStage.Evangelist,
        _ => LifecycleStage.Churned,
    };

    /// <summary>An Iranian mobile in E.164: +98 9xx xxx xxxx.</summary>
    public string Mobile() => $"+98{Pick(MobilePrefixes)}{Digits(7)}";

    /// <summary>A landline in the city's area code: +98 AA N xxx xxxx (8-digit local numbers).</summary>
    public string Landline(int city) => $"+98{Cities[city].AreaCode}{"3457"[_random.Next(4)]}{Digits(7)}";

    /// <summary>Nine random digits and the check digit of the national ID (کد ملی).</summary>
    public string NationalId()
    {
        while (true)
        {
            var body = Digits(9);
            var sum = 0;
            for (var i = 0; i < 9; i++)
                sum += (body[i] - '0') * (10 - i);
            var remainder = sum % 11;
            var id = body + (remainder < 2 ? remainder : 11 - remainder);
            if (id.Distinct().Count() > 1)
                return id;
        }
    }

    private Guid? Owner() => ownerIds.Count == 0 ? null : ownerIds[_random.Next(ownerIds.Count)];

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Digits(int count) => string.Create(count, _random, (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
            span[i] = (char)('0' + random.Next(10));
    });

    private DateTime Between(DateTime from, DateTime to) =>
        DateTime.SpecifyKind(from.AddSeconds(_random.NextDouble() * Math.Max(0, (to - from).TotalSeconds)), DateTimeKind.Utc);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
