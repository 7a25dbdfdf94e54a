using System.Globalization;
using System.Text.Json;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Text;

namespace Peyvand.Kernel.CustomFields;

/// <summary>
/// Custom-field values as people read them, in one place for 360 pages, list columns and exports: option labels in the
/// user's language, dates in their calendar, numbers with Persian digits in fa, phones in international format, amounts
/// through <see cref="MoneyFormatter"/> in the organisation's unit for rials (tomans or rials; the stored value and the
/// API stay in rials).
/// </summary>
public static class CustomFieldDisplay
{
    /// <summary>The display text of a value as the API shows it (<c>customFields[key]</c>); "" when there is none.</summary>
    public static string Format(
        CustomFieldDefinition definition, JsonElement? value, string language, CalendarKind calendar, Func<Guid, string?>? userName = null,
        bool rialsAsTomans = false)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return "";
        var fa = language == "fa";
        string Digits(string text) => fa ? Localization.Digits.ToPersian(text) : text;
        var culture = CultureInfo.GetCultureInfo(fa ? "fa-IR" : "en-US");
        switch (definition.Type)
        {
            case CustomFieldType.Number when v.ValueKind == JsonValueKind.Number:
                return Digits(v.GetDecimal().ToString("#,0.##########", CultureInfo.InvariantCulture));
            case CustomFieldType.Money when Amount(v) is { } money:
                return MoneyFormatter.Format(new Domain.Money(money, CustomFieldValues.CurrencyOf(definition)), language, rialsAsTomans);
            case CustomFieldType.Date when v.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return DateFormatter.ShortDate(date, language, calendar);
            case CustomFieldType.Boolean when v.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return CustomFieldText.In(language, v.GetBoolean() ? nameof(CustomFieldText.Yes) : nameof(CustomFieldText.No));
            case CustomFieldType.SingleSelect when v.ValueKind == JsonValueKind.String:
                return OptionLabel(definition, v.GetString()!, language);
            case CustomFieldType.MultiSelect when v.ValueKind == JsonValueKind.Array:
                return string.Join(fa ? "، " : ", ", v.EnumerateArray().Select(o => OptionLabel(definition, o.GetString() ?? "", language)));
            case CustomFieldType.Phone when v.ValueKind == JsonValueKind.String:
                return Digits(Phones.ToInternational(v.GetString()!));
            case CustomFieldType.User when v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var id):
                return userName?.Invoke(id) ?? id.ToString();
            default:
                return v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
        }
    }

    /// <summary>
    /// The amount of a money value: the API's <c>{ "amount": "…" }</c>, or the bare number it is stored as (which the
    /// timeline's before/after values carry); null when there is none.
    /// </summary>
    public static decimal? Amount(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Object } v when v.TryGetProperty("amount", out var amount) && CustomFieldValues.TryDecimal(amount, out var number) => number,
        { ValueKind: JsonValueKind.Number } v when v.TryGetDecimal(out var stored) => stored,
        _ => null,
    };

    private static string OptionLabel(CustomFieldDefinition definition, string value, string language) =>
        definition.Options.FirstOrDefault(o => o.Value == value)?.Label(language) ?? value;
}
