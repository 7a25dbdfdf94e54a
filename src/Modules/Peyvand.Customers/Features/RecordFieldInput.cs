using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

public sealed record AddressInput(
    AddressType Type = AddressType.Home,
    [property: MaxLength(2)] string? Country = "IR",
    [property: MaxLength(100)] string? Province = null,
    [property: MaxLength(100)] string? City = null,
    [property: MaxLength(200)] string? Line1 = null,
    [property: MaxLength(200)] string? Line2 = null,
    [property: MaxLength(20)] string? PostalCode = null,
    bool Primary = false);

public sealed record SocialProfileInput(SocialNetwork Network, [property: Required, MaxLength(300)] string HandleOrUrl);

/// <summary>A channel's consent as the caller sets it; the server stamps the time when the status changes.</summary>
public sealed record ConsentInput(ConsentStatus Status = ConsentStatus.Unknown, [property: MaxLength(100)] string? Source = null);

/// <summary>Consent per channel; a channel left out keeps its current state.</summary>
public sealed record ConsentWrite(ConsentInput? Email = null, ConsentInput? Sms = null, ConsentInput? Phone = null);

/// <summary>A company the contact belongs to, with their role there.</summary>
public sealed record ContactCompanyInput(Guid CompanyId, [property: MaxLength(ContactCompany.MaxRoleLength)] string? Role = null, bool Primary = false);

public sealed record ContactCompanyView(Guid CompanyId, string? Role, bool Primary);

/// <summary>Parses addresses, social profiles and consent as typed into their stored forms, with a field error per bad entry.</summary>
public static partial class RecordFieldInput
{
    public const string Iran = "IR";

    private static readonly HashSet<string> Countries = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .OfType<string>().Where(r => r.Length == 2 && r.All(char.IsAsciiLetterUpper))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>ISO 3166-1 alpha-2 codes this machine's ICU knows.</summary>
    public static IReadOnlyCollection<string> CountryCodes => Countries;

    public static List<AddressEntry> Addresses(IReadOnlyList<AddressInput>? input, IDictionary<string, List<string>> errors)
    {
        var result = new List<AddressEntry>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var a = input![i];
            var field = $"addresses[{i}]";
            var country = (CustomerRules.Trimmed(a.Country) ?? Iran).ToUpperInvariant();
            var entry = new AddressEntry
            {
                Type = a.Type, Country = country, City = CustomerRules.Trimmed(a.City), Line1 = CustomerRules.Trimmed(a.Line1),
                Line2 = CustomerRules.Trimmed(a.Line2), Primary = a.Primary,
            };
            var ok = true;
            foreach (var (name, value, max) in new[] { ("province", a.Province, 100), ("city", a.City, 100), ("line1", a.Line1, 200), ("line2", a.Line2, 200), ("postalCode", a.PostalCode, 20) })
            {
                if (value?.Length > max)
                {
                    Validation.Add(errors, $"{field}.{name}", CustomerText.TooLong(max));
                    ok = false;
                }
            }
            if (!Countries.Contains(country))
            {
                Validation.Add(errors, field + ".country", CustomerText.Country);
                ok = false;
            }
            if (country == Iran)
            {
                if (IranProvinces.Find(a.Province) is { } province)
                    entry.Province = province.Code;
                else
                {
                    Validation.Add(errors, field + ".province", CustomerText.Province);
                    ok = false;
                }
                if (entry.City is null)
                {
                    Validation.Add(errors, field + ".city", CustomerText.City);
                    ok = false;
                }
                if (!string.IsNullOrWhiteSpace(a.PostalCode) && (entry.PostalCode = IranianPostalCode.Normalize(a.PostalCode)) is null)
                {
                    Validation.Add(errors, field + ".postalCode",
                        CustomerText.PostalCodeIran);
                    ok = false;
                }
            }
            else
            {
                entry.Province = CustomerRules.Trimmed(a.Province);
                var postal = CustomerRules.Trimmed(a.PostalCode) is { } p ? Digits.ToAscii(p).ToUpperInvariant() : null;
                if (postal is not null && !GenericPostalCode().IsMatch(postal))
                {
                    Validation.Add(errors, field + ".postalCode", CustomerText.PostalCode);
                    ok = false;
                }
                entry.PostalCode = postal;
                if (entry.City is null && entry.Line1 is null)
                {
                    Validation.Add(errors, field + ".city", CustomerText.CityOrStreet);
                    ok = false;
                }
            }
            if (ok)
                result.Add(entry);
        }
        var primary = result.FirstOrDefault(a => a.Primary) ?? result.FirstOrDefault();
        result.ForEach(a => a.Primary = ReferenceEquals(a, primary));
        return result;
    }

    /// <summary>Words for search: city, postal code and the province in both languages.</summary>
    public static IEnumerable<string?> AddressSearchWords(IEnumerable<AddressEntry> addresses) =>
        addresses.SelectMany(a => IranProvinces.All.FirstOrDefault(p => a.Country == Iran && p.Code == a.Province) is { } province
            ? new[] { a.City, a.PostalCode, province.NameFa, province.NameEn }
            : [a.City, a.PostalCode, a.Province]);

    public static List<SocialProfile> SocialProfiles(IReadOnlyList<SocialProfileInput>? input, IDictionary<string, List<string>> errors)
    {
        var result = new List<SocialProfile>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var profile = SocialProfileNormalizer.Normalize(input![i].Network, input[i].HandleOrUrl);
            if (profile is null)
                Validation.Add(errors, $"socialProfiles[{i}].handleOrUrl", SocialProfileNormalizer.Hint(input[i].Network));
            else if (result.All(p => p.Url != profile.Url))
                result.Add(profile);
        }
        return result;
    }

    /// <summary>
    /// Applies consent as the caller gives it: a channel whose status changes gets the server's time and the caller's
    /// source (which a granted or withdrawn status needs); unchanged channels stay as they were.
    /// </summary>
    public static ConsentState Consent(ConsentState current, ConsentWrite? input, DateTime now, IDictionary<string, List<string>> errors) => new()
    {
        Email = Channel(current.Email, input?.Email, "email", now, errors),
        Sms = Channel(current.Sms, input?.Sms, "sms", now, errors),
        Phone = Channel(current.Phone, input?.Phone, "phone", now, errors),
    };

    private static ConsentEntry Channel(ConsentEntry current, ConsentInput? input, string channel, DateTime now, IDictionary<string, List<string>> errors)
    {
        if (input is null || input.Status == current.Status)
            return new ConsentEntry { Status = current.Status, Source = current.Source, ChangedAt = current.ChangedAt };
        if (!Enum.IsDefined(input.Status))
        {
            Validation.Add(errors, $"consent.{channel}.status", CustomerText.ConsentStatus);
            return current;
        }
        var source = CustomerRules.Trimmed(input.Source);
        if (source?.Length > 100)
            Validation.Add(errors, $"consent.{channel}.source", CustomerText.TooLong(100));
        if (source is null && input.Status != ConsentStatus.Unknown)
            Validation.Add(errors, $"consent.{channel}.source", CustomerText.ConsentSource);
        return new ConsentEntry { Status = input.Status, Source = source, ChangedAt = now };
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9 -]{0,10}[A-Z0-9]$")]
    private static partial Regex GenericPostalCode();
}
