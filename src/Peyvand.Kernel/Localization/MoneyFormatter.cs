using System.Globalization;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Localization;

/// <summary>
/// Shows amounts the way people read them: thousands separated, Persian digits and the Persian separator (٬) in fa,
/// and rials optionally as tomans (1 toman = 10 rials), which is how most Iranians speak of prices.
/// </summary>
public static class MoneyFormatter
{
    /// <summary>The organisation's choice of unit for rial amounts (<c>rialDisplay</c> in the tenant settings).</summary>
    public const string Rial = "rial";
    public const string Toman = "toman";
    public static readonly string[] RialDisplays = [Rial, Toman];

    /// <summary>Whether a setting value means tomans (anything else, including none, means rials).</summary>
    public static bool IsTomans(string? rialDisplay) => rialDisplay == Toman;

    /// <summary>The unit an amount of <paramref name="currency"/> is shown and typed in: "تومان"/"Toman", "ریال"/"IRR", "دلار"/"USD"…</summary>
    public static string Unit(string currency, string language, bool rialsAsTomans = false)
    {
        var fa = language.StartsWith("fa", StringComparison.OrdinalIgnoreCase);
        if (currency == "IRR" && rialsAsTomans)
            return fa ? "تومان" : "Toman";
        return Names.TryGetValue(currency, out var names) ? (fa ? names.Fa : names.En) : currency;
    }

    /// <summary>A stored amount as a money input shows it for editing: tomans when the organisation shows tomans, ASCII, no separators.</summary>
    public static string InputText(decimal amount, string currency, bool rialsAsTomans) =>
        (currency == "IRR" && rialsAsTomans ? amount / 10 : amount).ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>
    /// What a user typed in a money input (Persian, Arabic or ASCII digits, separators allowed) as the amount to store:
    /// tomans become rials (×10). False when it is not a number.
    /// </summary>
    public static bool TryParseInput(string? text, string currency, bool rialsAsTomans, out decimal amount)
    {
        if (!Digits.TryParseNumber(text, out amount))
            return false;
        amount = Stored(amount, currency, rialsAsTomans);
        return true;
    }

    /// <summary>An amount typed in the organisation's unit as the amount to store: tomans ×10 = rials; others as they are.</summary>
    public static decimal Stored(decimal typed, string currency, bool rialsAsTomans) =>
        currency == "IRR" && rialsAsTomans ? typed * 10 : typed;

    private static readonly Dictionary<string, (string Fa, string En)> Names = new(StringComparer.Ordinal)
    {
        ["IRR"] = ("ریال", "IRR"),
        ["USD"] = ("دلار", "USD"),
        ["EUR"] = ("یورو", "EUR"),
        ["AED"] = ("درهم", "AED"),
        ["TRY"] = ("لیر", "TRY"),
        ["GBP"] = ("پوند", "GBP"),
    };

    public static string Format(Money money, string language, bool rialsAsTomans = false)
    {
        var fa = language.StartsWith("fa", StringComparison.OrdinalIgnoreCase);
        var tomans = money.Currency == "IRR" && rialsAsTomans;
        var amount = tomans ? money.Amount / 10 : money.Amount;
        var unit = Unit(money.Currency, language, rialsAsTomans);

        // Rials have no minor unit in practice. Tomans are exact: an amount of rials not divisible by ten shows its last
        // rial as one decimal (1,234.5 tomans = 12,345 rials), as an accountant reconciling figures needs; rounding would
        // make two different amounts read the same. Other currencies show cents when there are any.
        var format = tomans ? "#,0.#"
            : money.Currency == "IRR" || amount == decimal.Truncate(amount) ? "#,0"
            : "#,0.00";
        var number = amount.ToString(format, CultureInfo.InvariantCulture);
        if (!fa)
            return $"{number} {unit}";
        number = Digits.ToPersian(number.Replace(',', '٬').Replace('.', '٫'));
        return number.StartsWith('-') ? $"\u200E{number} {unit}" : $"{number} {unit}";
    }
}
