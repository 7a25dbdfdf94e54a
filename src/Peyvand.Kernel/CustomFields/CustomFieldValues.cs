using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Text;

namespace Peyvand.Kernel.CustomFields;

/// <summary>What a write of custom-field values produced: the JSON to store and what the caller must still check or index.</summary>
public sealed record CustomFieldChanges(
    string Json,
    IReadOnlyDictionary<string, string> UniqueValues,
    IReadOnlyList<(string Field, Guid UserId)> UserReferences,
    IReadOnlyList<string> SearchWords);

/// <summary>
/// Parses custom-field values as people and clients send them into one stored form per type (the same canonical forms
/// as the built-in fields: E.164 phones, lower-case emails, ASCII digits, ISO dates), with a field error per bad value
/// (<c>customFields.budget</c>). Values of archived fields are carried over untouched.
/// </summary>
public static class CustomFieldValues
{
    public const string Prefix = "customFields";
    private static readonly EmailAddressAttribute EmailFormat = new();

    public static CustomFieldChanges Apply(
        IReadOnlyList<CustomFieldDefinition> definitions, IReadOnlyDictionary<string, JsonElement>? input, string? storedJson,
        IDictionary<string, List<string>> errors)
    {
        var stored = ParseStored(storedJson);
        var result = new JsonObject();
        var byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        foreach (var (key, _) in input ?? new Dictionary<string, JsonElement>())
        {
            if (!byKey.TryGetValue(key, out var definition))
                Validation.Add(errors, $"{Prefix}.{key}", CustomFieldText.NoSuchField);
            else if (definition.Archived)
                Validation.Add(errors, $"{Prefix}.{key}", CustomFieldText.Archived);
        }

        var unique = new Dictionary<string, string>(StringComparer.Ordinal);
        var users = new List<(string, Guid)>();
        var words = new List<string>();
        foreach (var definition in definitions)
        {
            var field = $"{Prefix}.{definition.Key}";
            JsonNode? value;
            if (definition.Archived)
            {
                value = stored[definition.Key]?.DeepClone();
            }
            else
            {
                value = null;
                if (input is not null && input.TryGetValue(definition.Key, out var raw)
                    && raw.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    value = Parse(definition, raw, out var error);
                    if (error is not null)
                        Validation.Add(errors, field, error);
                }
                if (value is null && definition.Required && !errors.ContainsKey(field))
                    Validation.Add(errors, field, CustomFieldText.Required);
            }
            if (value is null)
                continue;
            result[definition.Key] = value;
            if (definition.Unique && UniqueText(value) is { } text)
                unique[definition.Key] = text;
            if (definition.Type == CustomFieldType.User && Guid.TryParse(value.GetValue<string>(), out var userId))
                users.Add((field, userId));
            words.AddRange(SearchWords(definition, value));
        }
        return new CustomFieldChanges(result.ToJsonString(PeyvandJson.Options), unique, users, words);
    }

    /// <summary>One value in its stored form, or null with <paramref name="error"/> set when it does not fit the field.</summary>
    public static JsonNode? Parse(CustomFieldDefinition definition, JsonElement raw, out string? error)
    {
        error = null;
        switch (definition.Type)
        {
            case CustomFieldType.Text or CustomFieldType.LongText:
            {
                if (!TryString(raw, out var text, out error))
                    return null;
                text = text.Trim();
                if (text.Length > definition.EffectiveMaxLength)
                    return Fail(out error, CustomFieldText.TooLong(definition.EffectiveMaxLength.ToString(CultureInfo.InvariantCulture)));
                return text.Length == 0 ? null : JsonValue.Create(text);
            }
            case CustomFieldType.Number:
            {
                if (!TryDecimal(raw, out var number))
                    return Fail(out error, CustomFieldText.NotANumber);
                return InRange(definition, number, out error) ? JsonValue.Create(number) : null;
            }
            case CustomFieldType.Money:
            {
                var amountElement = raw;
                if (raw.ValueKind == JsonValueKind.Object)
                {
                    if (!raw.TryGetProperty("amount", out amountElement))
                        return Fail(out error, CustomFieldText.AmountShape);
                    if (raw.TryGetProperty("currency", out var currency) && currency.ValueKind == JsonValueKind.String
                        && currency.GetString() != CurrencyOf(definition))
                        return Fail(out error, CustomFieldText.WrongCurrency(CurrencyOf(definition)));
                }
                if (!TryDecimal(amountElement, out var amount))
                    return Fail(out error, CustomFieldText.NotAnAmount);
                return InRange(definition, amount, out error) ? JsonValue.Create(amount) : null;
            }
            case CustomFieldType.Date:
            {
                if (!TryString(raw, out var text, out error))
                    return null;
                if (!DateOnly.TryParseExact(Digits.ToAscii(text.Trim()), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return Fail(out error, CustomFieldText.NotADate);
                if (definition.MinDate is { } min && date < min)
                    return Fail(out error, CustomFieldText.NotBefore(min.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                if (definition.MaxDate is { } max && date > max)
                    return Fail(out error, CustomFieldText.NotAfter(max.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            case CustomFieldType.Boolean:
                return raw.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? JsonValue.Create(raw.GetBoolean()) : Fail(out error, CustomFieldText.NotABoolean);
            case CustomFieldType.SingleSelect:
            {
                if (!TryString(raw, out var text, out error))
                    return null;
                var option = FindOption(definition, text);
                return option is null ? Fail(out error, OptionsMessage(definition)) : JsonValue.Create(option.Value);
            }
            case CustomFieldType.MultiSelect:
            {
                if (raw.ValueKind != JsonValueKind.Array)
                    return Fail(out error, CustomFieldText.NotAList);
                var chosen = new List<string>();
                foreach (var item in raw.EnumerateArray())
                {
                    var option = item.ValueKind == JsonValueKind.String ? FindOption(definition, item.GetString()!) : null;
                    if (option is null)
                        return Fail(out error, OptionsMessage(definition));
                    if (!chosen.Contains(option.Value))
                        chosen.Add(option.Value);
                }
                // Kept in the definition's order, so equal choices store equally.
                var ordered = definition.Options.Select(o => o.Value).Where(chosen.Contains).ToList();
                return ordered.Count == 0 ? null : new JsonArray([.. ordered.Select(v => (JsonNode)JsonValue.Create(v))]);
            }
            case CustomFieldType.Url:
            {
                if (!TryString(raw, out var text, out error))
                    return null;
                text = text.Trim();
                if (text.Length == 0)
                    return null;
                if (text.Length > 500 || !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                    return Fail(out error, CustomFieldText.NotAUrl);
                return JsonValue.Create(text);
            }
            case CustomFieldType.Email:
            {
                if (!TryString(raw, out var text, out error))
                    return null;
                text = text.Trim().ToLowerInvariant();
                if (text.Length == 0)
                    return null;
                return text.Length > 256 || !EmailFormat.IsValid(text) ? Fail(out error, CustomFieldText.NotAnEmail) : JsonValue.Create(text);
            }
            case CustomFieldType.Phone:
            {
                if (!TryString(raw, out var text, out error))
                    return null;
                if (text.Trim().Length == 0)
                    return null;
                return Phones.ToE164(text) is { } e164
                    ? JsonValue.Create(e164) : Fail(out error, CustomFieldText.NotAPhone);
            }
            case CustomFieldType.User:
            {
                if (!TryString(raw, out var text, out error))
                    return null;
                return Guid.TryParse(text.Trim(), out var id) ? JsonValue.Create(id.ToString()) : Fail(out error, CustomFieldText.NotAUserId);
            }
            default:
                return Fail(out error, CustomFieldText.UnsupportedType);
        }
    }

    /// <summary>
    /// The values of the active fields as the API shows them: money as <c>{ amount, currency }</c>, everything else as stored.
    /// </summary>
    public static Dictionary<string, JsonElement> ToView(IReadOnlyList<CustomFieldDefinition> definitions, string? storedJson)
    {
        var stored = ParseStored(storedJson);
        var view = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var definition in definitions.Where(d => !d.Archived))
        {
            if (stored[definition.Key] is not { } value)
                continue;
            JsonNode shown = definition.Type == CustomFieldType.Money && value is JsonValue amount
                ? new JsonObject
                {
                    ["amount"] = amount.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
                    ["currency"] = CurrencyOf(definition),
                }
                : value.DeepClone();
            view[definition.Key] = JsonSerializer.SerializeToElement(shown, PeyvandJson.Options);
        }
        return view;
    }

    /// <summary>The stored value of one field, or null.</summary>
    public static JsonNode? ValueOf(string? storedJson, string key) => ParseStored(storedJson)[key];

    public static string CurrencyOf(CustomFieldDefinition definition) => definition.Currency ?? "IRR";

    /// <summary>Parses a filter value for a field like a written value (Persian digits, phone forms, option labels).</summary>
    public static JsonNode? ParseText(CustomFieldDefinition definition, string text, out string? error)
    {
        JsonElement raw = definition.Type switch
        {
            CustomFieldType.Boolean => text.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => JsonSerializer.SerializeToElement(true),
                "false" or "0" or "no" => JsonSerializer.SerializeToElement(false),
                _ => JsonSerializer.SerializeToElement(text),
            },
            CustomFieldType.MultiSelect => JsonSerializer.SerializeToElement(new[] { text }),
            _ => JsonSerializer.SerializeToElement(text),
        };
        var value = Parse(definition, raw, out error);
        return value is JsonArray { Count: 1 } array ? array[0]!.DeepClone() : value;
    }

    private static JsonObject ParseStored(string? storedJson)
    {
        if (string.IsNullOrWhiteSpace(storedJson))
            return [];
        return JsonNode.Parse(storedJson) as JsonObject ?? [];
    }

    private static string? UniqueText(JsonNode value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    } is { } text ? (text.Length > CustomFieldUniqueValue.MaxValueLength ? text[..CustomFieldUniqueValue.MaxValueLength] : text) : null;

    private static IEnumerable<string> SearchWords(CustomFieldDefinition definition, JsonNode value)
    {
        switch (definition.Type)
        {
            case CustomFieldType.Text or CustomFieldType.LongText or CustomFieldType.Email or CustomFieldType.Url:
                yield return value.GetValue<string>();
                break;
            case CustomFieldType.Phone:
                var e164 = value.GetValue<string>();
                yield return e164[1..];
                if (e164.StartsWith("+98", StringComparison.Ordinal))
                    yield return "0" + e164[3..];
                break;
            case CustomFieldType.SingleSelect or CustomFieldType.MultiSelect:
                var values = value is JsonArray array ? array.Select(v => v!.GetValue<string>()) : [value.GetValue<string>()];
                foreach (var option in definition.Options.Where(o => values.Contains(o.Value)))
                {
                    yield return option.LabelFa;
                    yield return option.LabelEn;
                }
                break;
        }
    }

    private static CustomFieldOption? FindOption(CustomFieldDefinition definition, string text)
    {
        var trimmed = text.Trim();
        return definition.Options.FirstOrDefault(o => o.Value == trimmed)
            ?? definition.Options.FirstOrDefault(o => string.Equals(o.Value, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    private static string OptionsMessage(CustomFieldDefinition definition) =>
        CustomFieldText.ChooseOption(string.Join(", ", definition.Options.Select(o => o.Value)));

    private static bool InRange(CustomFieldDefinition definition, decimal number, out string? error)
    {
        error = null;
        if (definition.Min is { } min && number < min)
            error = CustomFieldText.AtLeast(min.ToString("0.##########", CultureInfo.InvariantCulture));
        else if (definition.Max is { } max && number > max)
            error = CustomFieldText.AtMost(max.ToString("0.##########", CultureInfo.InvariantCulture));
        return error is null;
    }

    private static bool TryString(JsonElement raw, out string text, out string? error)
    {
        error = null;
        text = raw.ValueKind == JsonValueKind.String ? raw.GetString()! : "";
        if (raw.ValueKind != JsonValueKind.String)
            error = CustomFieldText.NotText;
        return error is null;
    }

    /// <summary>A JSON number, or text with Persian/Arabic digits, thousands separators and a Persian decimal mark.</summary>
    public static bool TryDecimal(JsonElement raw, out decimal number)
    {
        number = 0;
        if (raw.ValueKind == JsonValueKind.Number)
            return raw.TryGetDecimal(out number);
        return raw.ValueKind == JsonValueKind.String && TryDecimal(raw.GetString()!, out number);
    }

    public static bool TryDecimal(string text, out decimal number) => Digits.TryParseNumber(text, out number);

    private static JsonNode? Fail(out string? error, string message)
    {
        error = message;
        return null;
    }
}
