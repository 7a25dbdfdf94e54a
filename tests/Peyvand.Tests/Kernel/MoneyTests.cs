using System.Text.Json;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Localization;

namespace Peyvand.Tests.Kernel;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(12500000, "IRR", "en", false, "12,500,000 IRR")]
    [InlineData(12500000, "IRR", "fa", false, "۱۲٬۵۰۰٬۰۰۰ ریال")]
    [InlineData(12500000, "IRR", "fa", true, "۱٬۲۵۰٬۰۰۰ تومان")]
    [InlineData(12500000, "IRR", "en", true, "1,250,000 Toman")]
    [InlineData(1234.5, "USD", "en", false, "1,234.50 USD")]
    [InlineData(1234.5, "USD", "fa", false, "۱٬۲۳۴٫۵۰ دلار")]
    [InlineData(0, "EUR", "en", false, "0 EUR")]
    public void Format_separates_thousands_and_speaks_the_users_language(decimal amount, string currency, string language, bool tomans, string expected) =>
        Assert.Equal(expected, MoneyFormatter.Format(new Money(amount, currency), language, tomans));

    [Fact]
    public void Json_keeps_the_amount_as_a_string_and_round_trips()
    {
        var json = JsonSerializer.Serialize(new Money(1250000.75m, "IRR"), PeyvandJson.Options);
        Assert.Equal("""{"amount":"1250000.75","currency":"IRR"}""", json);
        Assert.Equal(new Money(1250000.75m, "IRR"), JsonSerializer.Deserialize<Money>(json, PeyvandJson.Options));
        Assert.Equal(Money.Irr(1500), JsonSerializer.Deserialize<Money>("""{"amount":"۱۵۰۰","currency":"IRR"}""", PeyvandJson.Options));
    }

    [Theory]
    [InlineData("""{"amount":"12x","currency":"IRR"}""")]
    [InlineData("""{"amount":"12","currency":"rial"}""")]
    [InlineData("""{"amount":"12"}""")]
    [InlineData("""{"amount":"12","currency":"IRR","rate":1}""")]
    [InlineData("12")]
    public void Json_refuses_what_is_not_money(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json, PeyvandJson.Options));
}
