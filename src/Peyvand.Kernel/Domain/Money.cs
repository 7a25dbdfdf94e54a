using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Peyvand.Kernel.Domain;

/// <summary>
/// An amount in an ISO 4217 currency. In JSON it is <c>{ "amount": "1250000", "currency": "IRR" }</c>: the amount is a
/// string so no client rounds it through a double.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money
{
    public Money(decimal amount, string currency)
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
            throw new ArgumentException("The currency must be a three-letter ISO 4217 code such as IRR.", nameof(currency));
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }
    public string Currency { get; }

    public static Money Irr(decimal amount) => new(amount, "IRR");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");
}

internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Money is an object: { \"amount\": \"…\", \"currency\": \"IRR\" }.");
        decimal? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount":
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
                        amount = number;
                    else if (decimal.TryParse(Localization.Digits.ToAscii(text ?? ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                        amount = parsed;
                    else
                        throw new JsonException("The amount must be a number written as a string, e.g. \"1250000\".");
                    break;
                case "currency":
                    currency = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("The currency is a three-letter code.");
                    break;
                default:
                    throw new JsonException($"Unknown money field '{name}'.");
            }
        }
        if (amount is null || currency is null)
            throw new JsonException("Money needs both amount and currency.");
        try
        {
            return new Money(amount.Value, currency);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", value.Amount.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}
