using System.Globalization;
using System.Text.Json;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Localization;

namespace Peyvand.Web.Components.Customers;

/// <summary>
/// One custom field's input on a contact or company form, holding what its MudBlazor input binds to. A money input of an
/// IRR field takes and shows tomans when the organisation shows tomans (<paramref name="rialsAsTomans"/>); the value sent
/// is always rials.
/// </summary>
public sealed class CustomFieldInput(CustomFieldDefinition definition, bool rialsAsTomans = false)
{
    public CustomFieldDefinition Definition { get; } = definition;

    /// <summary>A money field's amount in the unit the user types it in (<see cref="Unit"/>).</summary>
    public decimal? Amount { get; set; }

    /// <summary>The unit a money input says it takes: "تومان"/"Toman" when the organisation shows tomans, else the currency's.</summary>
    public string Unit(string language) => MoneyFormatter.Unit(CustomFieldValues.CurrencyOf(Definition), language, rialsAsTomans);

    public string Field => $"{CustomFieldValues.Prefix}.{Definition.Key}";
    public string? Text { get; set; }
    public DateTime? Date { get; set; }
    public bool Flag { get; set; }
    public IReadOnlyCollection<string> Many { get; set; } = [];
    public Guid? User { get; set; }

    /// <summary>Inputs for the active fields, filled from a record's values (its view's or write model's <c>customFields</c>).</summary>
    public static List<CustomFieldInput> For(
        IReadOnlyList<CustomFieldDefinition> definitions, IReadOnlyDictionary<string, JsonElement>? values, bool rialsAsTomans = false)
    {
        var inputs = new List<CustomFieldInput>();
        foreach (var definition in definitions.Where(d => !d.Archived))
        {
            var input = new CustomFieldInput(definition, rialsAsTomans);
            if (values is not null && values.TryGetValue(definition.Key, out var v))
                input.Load(v);
            inputs.Add(input);
        }
        return inputs;
    }

    /// <summary>The values to send: numbers as typed (the service accepts Persian digits), blanks left out.</summary>
    public static Dictionary<string, JsonElement> ToWrite(IEnumerable<CustomFieldInput> inputs)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            object? value = input.Definition.Type switch
            {
                CustomFieldType.Date => input.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                CustomFieldType.Boolean => input.Flag,
                CustomFieldType.MultiSelect => input.Many.Count > 0 ? input.Many.ToArray() : null,
                CustomFieldType.User => input.User?.ToString(),
                CustomFieldType.Money => input.Amount is { } amount ? input.Stored(amount).ToString(CultureInfo.InvariantCulture) : null,
                _ => string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim(),
            };
            if (value is not null)
                result[input.Definition.Key] = JsonSerializer.SerializeToElement(value);
        }
        return result;
    }

    // Tomans typed become rials stored (×10); other units are stored as typed.
    private decimal Stored(decimal typed) => MoneyFormatter.Stored(typed, CustomFieldValues.CurrencyOf(Definition), rialsAsTomans);

    private void Load(JsonElement v)
    {
        switch (Definition.Type)
        {
            case CustomFieldType.Date when DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                Date = date.ToDateTime(TimeOnly.MinValue);
                break;
            case CustomFieldType.Boolean:
                Flag = v.ValueKind == JsonValueKind.True;
                break;
            case CustomFieldType.MultiSelect when v.ValueKind == JsonValueKind.Array:
                Many = [.. v.EnumerateArray().Select(o => o.GetString() ?? "")];
                break;
            case CustomFieldType.User when Guid.TryParse(v.GetString(), out var id):
                User = id;
                break;
            case CustomFieldType.Money when CustomFieldDisplay.Amount(v) is { } amount:
                Amount = decimal.Parse(MoneyFormatter.InputText(amount, CustomFieldValues.CurrencyOf(Definition), rialsAsTomans), CultureInfo.InvariantCulture);
                break;
            default:
                Text = v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
                break;
        }
    }
}
