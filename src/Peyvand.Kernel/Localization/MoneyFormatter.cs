using System.Globalization;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Localization;

/// <summary>
/// Shows amounts the way people read them: thousands separated, Persian digits and the Persian separator (٬) in fa,
/// and rials optionally as tomans (1 toman = 10 rials), which is how most Iranians speak of prices.
/// </summary>
public static class MoneyFormatter
{
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
        var amount = money.Amount;
        string unit;
        if (money.Currency == "IRR" && rialsAsTomans)
        {
            amount /= 10;
            unit = fa ? "تومان" : "Toman";
        }
        else
        {
            unit = Names.TryGetValue(money.Currency, out var names) ? (fa ? names.Fa : names.En) : money.Currency;
        }

        // Rials and tomans have no minor unit in practice; other currencies show cents when there are any.
        var decimals = money.Currency == "IRR" || amount == decimal.Truncate(amount) ? 0 : 2;
        var number = amount.ToString(decimals == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        if (!fa)
            return $"{number} {unit}";
        number = Digits.ToPersian(number.Replace(',', '٬').Replace('.', '٫'));
        return number.StartsWith('-') ? $"\u200E{number} {unit}" : $"{number} {unit}";
    }
}
