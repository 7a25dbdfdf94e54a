using Peyvand.Kernel.Text;

namespace Peyvand.Tests.Kernel;

public sealed class PersianTextTests
{
    [Theory]
    [InlineData("علي", "علی")] // Arabic yeh
    [InlineData("مصطفى", "مصطفی")] // alef maksura
    [InlineData("كريمي", "کریمی")] // Arabic kaf and yeh
    [InlineData("فاطمة", "فاطمه")] // teh marbuta
    [InlineData("مُحَمَّد", "محمد")] // harakat
    [InlineData("محـــمد", "محمد")] // tatweel
    [InlineData("می\u200cخواهم", "می خواهم")] // ZWNJ
    [InlineData("۰۹۱۲ ٣٤٥", "0912 345")] // Persian and Arabic-Indic digits
    [InlineData("  Café   ZÜRICH ", "cafe zurich")] // case, accents, spaces
    [InlineData("مسئول", "مسیول")] // hamza on yeh
    [InlineData("آرش", "ارش")] // madda
    [InlineData("", "")]
    [InlineData(null, "")]
    public void NormalizeForSearch_applies_each_rule(string? input, string expected) =>
        Assert.Equal(expected, PersianText.NormalizeForSearch(input));

    [Fact]
    public void NormalizeForSearch_makes_differently_typed_names_equal() =>
        Assert.Equal(PersianText.NormalizeForSearch("علي كاظمي‌نيا"), PersianText.NormalizeForSearch("علی کاظمی نیا"));

}

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("09121234567", "+989121234567")]
    [InlineData("+98 912 123 4567", "+989121234567")]
    [InlineData("0098-912-123-4567", "+989121234567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷", "+989121234567")]
    [InlineData("٠٩١٢١٢٣٤٥٦٧", "+989121234567")]
    [InlineData("021 8888 1234", "+982188881234")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    public void ToE164_accepts_local_international_and_Persian_forms(string input, string expected) =>
        Assert.Equal(expected, Phones.ToE164(input));

    [Theory]
    [InlineData("12")]
    [InlineData("not a phone")]
    [InlineData("")]
    [InlineData("0912123456789012345")]
    public void ToE164_rejects_what_is_not_a_number(string input) => Assert.Null(Phones.ToE164(input));
}

public sealed class IranianNationalIdTests
{
    [Theory]
    [InlineData("0499370899", "0499370899")]
    [InlineData("۰۴۹۹۳۷۰۸۹۹", "0499370899")]
    [InlineData("049-937089-9", "0499370899")]
    [InlineData("499370899", "0499370899")] // leading zero left off
    [InlineData("0790419904", "0790419904")]
    public void Valid_ids_normalise_to_ten_digits(string input, string expected) =>
        Assert.Equal(expected, IranianNationalId.Normalize(input));

    [Theory]
    [InlineData("0499370898")] // wrong check digit
    [InlineData("1111111111")] // passes the sum, never issued
    [InlineData("12345")]
    [InlineData("04993708a9")]
    public void Invalid_ids_are_rejected(string input) => Assert.Null(IranianNationalId.Normalize(input));
}
