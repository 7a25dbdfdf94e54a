using System.ComponentModel.DataAnnotations;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

public sealed record EmailInput([property: Required, MaxLength(256)] string Value, EmailType Type = EmailType.Work, bool Primary = false);

public sealed record PhoneInput([property: Required, MaxLength(40)] string Value, PhoneType Type = PhoneType.Mobile, bool Primary = false);

/// <summary>
/// Parses emails and phones as typed by people (any case, Persian digits, 0912…) into their stored forms, with a
/// field error per bad entry (<c>phones[1].value</c>). Exactly one entry of each list ends up primary.
/// </summary>
public static class ContactPointInput
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public static List<EmailEntry> Emails(IReadOnlyList<EmailInput>? input, IDictionary<string, List<string>> errors)
    {
        var result = new List<EmailEntry>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var value = input![i].Value?.Trim().ToLowerInvariant() ?? "";
            if (!EmailFormat.IsValid(value) || value.Length > 256)
                Validation.Add(errors, $"emails[{i}].value", CustomerText.Email);
            else if (result.All(e => e.Value != value))
                result.Add(new EmailEntry { Value = value, Type = input[i].Type, Primary = input[i].Primary });
        }
        MakeOnePrimary(result, e => e.Primary, (e, p) => e.Primary = p);
        return result;
    }

    public static List<PhoneEntry> Phones(IReadOnlyList<PhoneInput>? input, IDictionary<string, List<string>> errors)
    {
        var result = new List<PhoneEntry>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var e164 = Kernel.Text.Phones.ToE164(input![i].Value);
            if (e164 is null)
                Validation.Add(errors, $"phones[{i}].value", CustomerText.Phone);
            else if (result.All(p => p.Value != e164))
                result.Add(new PhoneEntry { Value = e164, Type = input[i].Type, Primary = input[i].Primary });
        }
        MakeOnePrimary(result, p => p.Primary, (p, v) => p.Primary = v);
        return result;
    }

    /// <summary>Tags trimmed, de-duplicated (case-insensitively), each at most 50 characters.</summary>
    public static List<string> Tags(IReadOnlyList<string>? input, IDictionary<string, List<string>> errors)
    {
        var result = new List<string>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var tag = input![i]?.Trim() ?? "";
            if (tag.Length is 0 or > 50)
                Validation.Add(errors, $"tags[{i}]", CustomerText.Tag);
            else if (!result.Contains(tag, StringComparer.OrdinalIgnoreCase))
                result.Add(tag);
        }
        return result;
    }

    /// <summary>Search words for a phone: E.164 digits and the national form people type (09121234567).</summary>
    public static IEnumerable<string> PhoneSearchForms(string e164) =>
        e164.StartsWith("+98", StringComparison.Ordinal) ? [e164[1..], "0" + e164[3..]] : [e164[1..]];

    private static void MakeOnePrimary<T>(List<T> items, Func<T, bool> isPrimary, Action<T, bool> setPrimary)
    {
        var primary = items.FirstOrDefault(isPrimary) ?? items.FirstOrDefault();
        foreach (var item in items)
            setPrimary(item, ReferenceEquals(item, primary));
    }
}
