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

    // Tomans are exact: an amount of rials not divisible by ten keeps its last rial as one decimal (an accountant
    // reconciles to the rial; rounding would show 12,345 and 12,350 rials as the same 1,235 tomans).
    [Theory]
    [InlineData(12345, "fa", "۱٬۲۳۴٫۵ تومان")]
    [InlineData(12345, "en", "1,234.5 Toman")]
    [InlineData(0, "fa", "۰ تومان")]
    [InlineData(0, "en", "0 Toman")]
    [InlineData(-12500, "fa", "\u200E-۱٬۲۵۰ تومان")]
    [InlineData(-12345, "en", "-1,234.5 Toman")]
    [InlineData(5, "en", "0.5 Toman")]
    [InlineData(1000000000000, "en", "100,000,000,000 Toman")]
    public void Tomans_are_exact_and_keep_their_sign(decimal rials, string language, string expected) =>
        Assert.Equal(expected, MoneyFormatter.Format(Money.Irr(rials), language, rialsAsTomans: true));

    [Fact]
    public void Rials_and_other_currencies_ignore_the_toman_setting_where_it_does_not_apply()
    {
        Assert.Equal("-12,345 IRR", MoneyFormatter.Format(Money.Irr(-12345), "en"));
        Assert.Equal("\u200E-۱۲٬۳۴۵ ریال", MoneyFormatter.Format(Money.Irr(-12345), "fa"));
        Assert.Equal("12.50 USD", MoneyFormatter.Format(new Money(12.5m, "USD"), "en", rialsAsTomans: true));
        Assert.Equal("دلار", MoneyFormatter.Unit("USD", "fa", rialsAsTomans: true));
        Assert.Equal("تومان", MoneyFormatter.Unit("IRR", "fa", rialsAsTomans: true));
        Assert.Equal("IRR", MoneyFormatter.Unit("IRR", "en"));
    }

    [Theory]
    [InlineData("۱۲۵۰", true, 12500)]
    [InlineData("١٢٥٠", true, 12500)]
    [InlineData("1,250", true, 12500)]
    [InlineData("۱۲۳۴٫۵", true, 12345)]
    [InlineData("-20", true, -200)]
    [InlineData("1250", false, 1250)]
    public void Inputs_take_any_digits_and_store_rials(string typed, bool tomans, decimal stored)
    {
        Assert.True(MoneyFormatter.TryParseInput(typed, "IRR", tomans, out var amount));
        Assert.Equal(stored, amount);
        Assert.False(MoneyFormatter.TryParseInput("12x", "IRR", tomans, out _));
        Assert.True(MoneyFormatter.TryParseInput("12.5", "USD", rialsAsTomans: true, out var dollars));
        Assert.Equal(12.5m, dollars);
    }

    [Theory]
    [InlineData(12500, true, "1250")]
    [InlineData(12345, true, "1234.5")]
    [InlineData(12345, false, "12345")]
    public void Inputs_show_a_stored_amount_in_the_organisations_unit(decimal rials, bool tomans, string shown) =>
        Assert.Equal(shown, MoneyFormatter.InputText(rials, "IRR", tomans));

    [Fact]
    public void Custom_field_money_values_show_in_the_organisations_unit_and_keep_their_stored_amount()
    {
        var field = new Peyvand.Kernel.CustomFields.CustomFieldDefinition
        {
            Key = "budget", Type = Peyvand.Kernel.CustomFields.CustomFieldType.Money, LabelEn = "Budget", Currency = "IRR",
        };
        var value = JsonDocument.Parse("""{"amount":"12345","currency":"IRR"}""").RootElement;
        Assert.Equal("۱٬۲۳۴٫۵ تومان", Peyvand.Kernel.CustomFields.CustomFieldDisplay.Format(field, value, "fa", CalendarKind.Jalali, rialsAsTomans: true));
        Assert.Equal("12,345 IRR", Peyvand.Kernel.CustomFields.CustomFieldDisplay.Format(field, value, "en", CalendarKind.Gregorian));
        Assert.Equal(12345m, Peyvand.Kernel.CustomFields.CustomFieldDisplay.Amount(value));
        Assert.Null(Peyvand.Kernel.CustomFields.CustomFieldDisplay.Amount(null));
        // As stored (and as the timeline's before/after values carry it): a bare number of rials.
        Assert.Equal("۱٬۲۳۴٫۵ تومان", Peyvand.Kernel.CustomFields.CustomFieldDisplay.Format(
            field, JsonDocument.Parse("12345").RootElement, "fa", CalendarKind.Jalali, rialsAsTomans: true));
    }

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
