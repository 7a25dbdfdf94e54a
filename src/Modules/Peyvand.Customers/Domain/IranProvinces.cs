namespace Peyvand.Customers.Domain;

/// <summary>Iran's 31 provinces (استان‌ها), with a stable code stored on addresses and their Persian and English names.</summary>
public static class IranProvinces
{
    public sealed record Province(string Code, string NameFa, string NameEn);

    public static IReadOnlyList<Province> All { get; } =
    [
        new("alborz", "البرز", "Alborz"),
        new("ardabil", "اردبیل", "Ardabil"),
        new("bushehr", "بوشهر", "Bushehr"),
        new("chaharmahal-bakhtiari", "چهارمحال و بختیاری", "Chaharmahal and Bakhtiari"),
        new("east-azerbaijan", "آذربایجان شرقی", "East Azerbaijan"),
        new("fars", "فارس", "Fars"),
        new("gilan", "گیلان", "Gilan"),
        new("golestan", "گلستان", "Golestan"),
        new("hamadan", "همدان", "Hamadan"),
        new("hormozgan", "هرمزگان", "Hormozgan"),
        new("ilam", "ایلام", "Ilam"),
        new("isfahan", "اصفهان", "Isfahan"),
        new("kerman", "کرمان", "Kerman"),
        new("kermanshah", "کرمانشاه", "Kermanshah"),
        new("khuzestan", "خوزستان", "Khuzestan"),
        new("kohgiluyeh-boyer-ahmad", "کهگیلویه و بویراحمد", "Kohgiluyeh and Boyer-Ahmad"),
        new("kurdistan", "کردستان", "Kurdistan"),
        new("lorestan", "لرستان", "Lorestan"),
        new("markazi", "مرکزی", "Markazi"),
        new("mazandaran", "مازندران", "Mazandaran"),
        new("north-khorasan", "خراسان شمالی", "North Khorasan"),
        new("qazvin", "قزوین", "Qazvin"),
        new("qom", "قم", "Qom"),
        new("razavi-khorasan", "خراسان رضوی", "Razavi Khorasan"),
        new("semnan", "سمنان", "Semnan"),
        new("sistan-baluchestan", "سیستان و بلوچستان", "Sistan and Baluchestan"),
        new("south-khorasan", "خراسان جنوبی", "South Khorasan"),
        new("tehran", "تهران", "Tehran"),
        new("west-azerbaijan", "آذربایجان غربی", "West Azerbaijan"),
        new("yazd", "یزد", "Yazd"),
        new("zanjan", "زنجان", "Zanjan"),
    ];

    /// <summary>The province a code or a Persian or English name (any letter variant or case) stands for.</summary>
    public static Province? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var key = Kernel.Text.PersianText.NormalizeForSearch(text.Trim());
        return All.FirstOrDefault(p => p.Code == key.Replace(' ', '-')
            || Kernel.Text.PersianText.NormalizeForSearch(p.NameFa) == key
            || Kernel.Text.PersianText.NormalizeForSearch(p.NameEn) == key);
    }
}
