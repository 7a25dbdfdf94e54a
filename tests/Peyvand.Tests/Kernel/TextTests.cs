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
    [InlineData("أحمد إيران", "احمد ایران")] // hamza above and below alef
    [InlineData("مؤمن", "مومن")] // hamza on waw
    [InlineData("خانهٔ", "خانه")] // hamza above heh
    [InlineData("ٱلله", "الله")] // alef wasla
    [InlineData("a\u200db\u200ec\u200fd\u00a0e\tf\ng", "a b c d e f g")] // ZWJ, direction marks, no-break space, tab, newline
    [InlineData("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789")] // every Arabic-Indic and Persian digit
    [InlineData("ALI Rezaei", "ali rezaei")] // lower case
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

public sealed class SearchScoringTests
{
    [Theory]
    [InlineData("rezaei", "ali rezaie", 4.0 / 7)] // the values pg_trgm's word_similarity gives
    [InlineData("محمدرضا", "محمد رضا", 6.0 / 11)]
    [InlineData("kareem", "karim", 3.0 / 7)]
    [InlineData("rezaei", "rezaei", 1.0)]
    [InlineData("rezaei", "sara ahmadi", 0.0)]
    [InlineData("", "anything", 0.0)]
    public void WordSimilarity_matches_pg_trgm(string word, string text, double expected) =>
        Assert.Equal(expected, Trigrams.WordSimilarity(word, text), 3);

    [Fact]
    public void Trigrams_are_padded_per_word() =>
        Assert.Equal(["  a", " ab", "ab ", "  c", " cd", "cd "], Trigrams.Sequence("ab-cd"));

    [Theory]
    [InlineData("rezaei", "rezaei", Search.Exact)]
    [InlineData("rezaei", "hadi rezaei tehran", Search.Exact)]
    [InlineData("reza", "ali rezaei", Search.Prefix)]
    [InlineData("zaei", "ali rezaei", Search.Infix)]
    [InlineData("rezaei", "ali rezaie", Search.Fuzzy + 4)] // similarity 0.57
    public void RankOf_orders_exact_before_prefix_before_infix_before_typos(string word, string text, int expected) =>
        Assert.Equal(expected, Search.RankOf(word, text));

    [Fact]
    public void Closer_typos_rank_before_farther_ones() =>
        Assert.True(Search.RankOf("rezaei", "rezaee") <= Search.RankOf("rezaei", "rezaie"));

    [Theory]
    [InlineData("rezaei", true)]
    [InlineData("al", false)] // too short to tell a typo from another word
    [InlineData("09121234567", false)] // a number one digit off is someone else's
    public void Typos_are_tolerated_in_words_not_numbers(string word, bool expected) =>
        Assert.Equal(expected, Search.AllowsTypos(word));

    [Fact]
    public void The_FTS5_candidate_query_ors_the_inner_trigrams_and_quotes_them()
    {
        Assert.Equal("\"rez\" OR \"eza\" OR \"zae\" OR \"aei\"", Trigrams.CandidateQuery("rezaei"));
        Assert.Equal("\"a\"\"b\"", Trigrams.CandidateQuery("a\"b"));
        Assert.Null(Trigrams.CandidateQuery("al"));
    }

    [Theory]
    [InlineData("0912 123 4567", "09121234567")]
    [InlineData("۰۹۱۲-۱۲۳-۴۵۶۷", "09121234567")]
    [InlineData("0098 912 123 4567", "989121234567")]
    [InlineData("Alí  Rezaei", "ali|rezaei")]
    public void Query_words_are_normalised_and_numbers_kept_whole(string query, string expected) =>
        Assert.Equal(expected, string.Join('|', Search.Words(query)));
}
