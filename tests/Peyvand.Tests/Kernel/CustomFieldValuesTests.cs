using System.Text.Json;
using System.Text.Json.Nodes;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Localization;

namespace Peyvand.Tests.Kernel;

public sealed class CustomFieldValuesTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CustomFieldDefinition Field(CustomFieldType type, Action<CustomFieldDefinition>? configure = null)
    {
        var field = new CustomFieldDefinition { Key = "f", Type = type, LabelEn = "F" };
        configure?.Invoke(field);
        return field;
    }

    private static (string? Stored, string? Error) Parse(CustomFieldDefinition field, string json)
    {
        var value = CustomFieldValues.Parse(field, JsonDocument.Parse(json).RootElement, out var error);
        return (value?.ToJsonString(Relaxed), error);
    }

    [Theory]
    [InlineData("\"  hello \"", "\"hello\"")]
    [InlineData("\"   \"", null)]
    public void Text_is_trimmed_and_blank_means_no_value(string input, string? stored) =>
        Assert.Equal((stored, (string?)null), Parse(Field(CustomFieldType.Text), input));

    [Fact]
    public void Text_longer_than_its_maximum_is_refused()
    {
        var field = Field(CustomFieldType.Text, f => f.MaxLength = 3);
        Assert.NotNull(Parse(field, "\"abcd\"").Error);
        Assert.NotNull(Parse(Field(CustomFieldType.LongText), JsonSerializer.Serialize(new string('x', 4001))).Error);
        Assert.Null(Parse(Field(CustomFieldType.LongText), JsonSerializer.Serialize(new string('x', 4000))).Error);
    }

    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("\"۱۲٬۰۰۰\"", "12000")]
    [InlineData("\"١٢٫٥\"", "12.5")]
    [InlineData("\"1,250\"", "1250")]
    [InlineData("\"-3\"", "-3")]
    public void Numbers_accept_persian_and_arabic_digits_and_separators(string input, string stored) =>
        Assert.Equal((stored, (string?)null), Parse(Field(CustomFieldType.Number), input));

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    [InlineData("\"5\"")] // above max
    [InlineData("-1")] // below min
    public void Numbers_outside_the_range_or_not_numbers_are_refused(string input) =>
        Assert.NotNull(Parse(Field(CustomFieldType.Number, f => { f.Min = 0; f.Max = 4; }), input).Error);

    [Fact]
    public void Money_takes_an_amount_or_a_money_object_in_the_fields_currency()
    {
        var field = Field(CustomFieldType.Money, f => f.Currency = "IRR");
        Assert.Equal("1250000", Parse(field, "{\"amount\":\"۱۲۵۰۰۰۰\",\"currency\":\"IRR\"}").Stored);
        Assert.Equal("99", Parse(field, "99").Stored);
        Assert.NotNull(Parse(field, "{\"amount\":\"5\",\"currency\":\"USD\"}").Error);
        var view = CustomFieldValues.ToView([field], "{\"f\":1250000}");
        Assert.Equal("{\"amount\":\"1250000\",\"currency\":\"IRR\"}", view["f"].GetRawText());
    }

    [Theory]
    [InlineData("\"2026-03-21\"", "\"2026-03-21\"", null)]
    [InlineData("\"۲۰۲۶-۰۳-۲۱\"", "\"2026-03-21\"", null)]
    [InlineData("\"2026-02-30\"", null, "Not a date (yyyy-MM-dd).")]
    [InlineData("\"21/03/2026\"", null, "Not a date (yyyy-MM-dd).")]
    [InlineData("\"2019-12-31\"", null, "On or after 2020-01-01.")]
    [InlineData("\"2031-01-01\"", null, "On or before 2030-12-31.")]
    public void Dates_are_iso_and_within_their_range(string input, string? stored, string? error)
    {
        var field = Field(CustomFieldType.Date, f => { f.MinDate = new DateOnly(2020, 1, 1); f.MaxDate = new DateOnly(2030, 12, 31); });
        Assert.Equal((stored, error), Parse(field, input));
    }

    [Fact]
    public void Booleans_are_json_booleans()
    {
        Assert.Equal("true", Parse(Field(CustomFieldType.Boolean), "true").Stored);
        Assert.NotNull(Parse(Field(CustomFieldType.Boolean), "\"yes\"").Error);
    }

    [Fact]
    public void Selects_take_only_their_options_and_multi_selects_keep_the_option_order()
    {
        void Options(CustomFieldDefinition f) => f.Options = [new() { Value = "a" }, new() { Value = "b" }, new() { Value = "c" }];
        Assert.Equal("\"b\"", Parse(Field(CustomFieldType.SingleSelect, Options), "\"b\"").Stored);
        Assert.NotNull(Parse(Field(CustomFieldType.SingleSelect, Options), "\"z\"").Error);
        Assert.Equal("[\"a\",\"c\"]", Parse(Field(CustomFieldType.MultiSelect, Options), "[\"c\",\"a\",\"c\"]").Stored);
        Assert.NotNull(Parse(Field(CustomFieldType.MultiSelect, Options), "[\"a\",\"z\"]").Error);
        Assert.NotNull(Parse(Field(CustomFieldType.MultiSelect, Options), "\"a\"").Error);
    }

    [Theory]
    [InlineData(CustomFieldType.Url, "\"https://example.com/x\"", "\"https://example.com/x\"")]
    [InlineData(CustomFieldType.Url, "\"javascript:alert(1)\"", null)]
    [InlineData(CustomFieldType.Email, "\" Ali@Example.COM \"", "\"ali@example.com\"")]
    [InlineData(CustomFieldType.Email, "\"not-an-email\"", null)]
    [InlineData(CustomFieldType.Phone, "\"۰۹۱۲ ۱۲۳ ۴۵۶۷\"", "\"+989121234567\"")]
    [InlineData(CustomFieldType.Phone, "\"0098 21 8888 1234\"", "\"+982188881234\"")]
    [InlineData(CustomFieldType.Phone, "\"12\"", null)]
    [InlineData(CustomFieldType.User, "\"0196a1c2-0000-7000-8000-000000000001\"", "\"0196a1c2-0000-7000-8000-000000000001\"")]
    [InlineData(CustomFieldType.User, "\"me\"", null)]
    public void Urls_emails_phones_and_users_are_stored_in_canonical_form(CustomFieldType type, string input, string? stored)
    {
        var (value, error) = Parse(Field(type), input);
        Assert.Equal(stored, value);
        Assert.Equal(stored is null, error is not null);
    }

    [Fact]
    public void Apply_enforces_required_refuses_unknown_and_archived_keys_and_keeps_archived_values()
    {
        var required = Field(CustomFieldType.Text, f => { f.Key = "name"; f.Required = true; });
        var archived = Field(CustomFieldType.Number, f => { f.Key = "old"; f.Archived = true; });
        var errors = new Dictionary<string, List<string>>();
        var input = new Dictionary<string, JsonElement> { ["mystery"] = JsonDocument.Parse("1").RootElement };
        var changes = CustomFieldValues.Apply([required, archived], input, "{\"old\":7}", errors);
        Assert.Contains("customFields.name", errors.Keys);
        Assert.Contains("customFields.mystery", errors.Keys);
        Assert.Equal(7, JsonNode.Parse(changes.Json)!["old"]!.GetValue<int>());

        errors.Clear();
        CustomFieldValues.Apply([required, archived], new Dictionary<string, JsonElement> { ["old"] = JsonDocument.Parse("1").RootElement }, null, errors);
        Assert.Contains("customFields.old", errors.Keys);
    }

    [Fact]
    public void Display_text_follows_the_language_and_calendar()
    {
        var select = Field(CustomFieldType.SingleSelect, f => f.Options = [new() { Value = "north", LabelFa = "شمال", LabelEn = "North" }]);
        Assert.Equal("شمال", CustomFieldDisplay.Format(select, JsonSerializer.SerializeToElement("north"), "fa", CalendarKind.Jalali));
        Assert.Equal("North", CustomFieldDisplay.Format(select, JsonSerializer.SerializeToElement("north"), "en", CalendarKind.Gregorian));
        var number = Field(CustomFieldType.Number);
        Assert.Equal("۱۲,۵۰۰", CustomFieldDisplay.Format(number, JsonSerializer.SerializeToElement(12500), "fa", CalendarKind.Jalali));
        var date = Field(CustomFieldType.Date);
        Assert.Contains("۱۴۰۵", CustomFieldDisplay.Format(date, JsonSerializer.SerializeToElement("2026-03-21"), "fa", CalendarKind.Jalali), StringComparison.Ordinal);
        Assert.Equal("", CustomFieldDisplay.Format(date, null, "fa", CalendarKind.Jalali));
    }
}
