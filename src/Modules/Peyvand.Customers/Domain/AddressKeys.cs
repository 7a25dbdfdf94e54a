using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Domain;

/// <summary>
/// The keys a record's addresses are filtered by. Addresses are one JSON column, which no index can look into; so each
/// save also writes these keys to a string array (text[] with a GIN index on PostgreSQL), one set per address:
/// <c>n:IR</c> (country), <c>c:کرج</c> (city, normalised for search), <c>nc:IR/کرج</c> (city in that country), and for
/// Iranian addresses <c>p:alborz</c> (province code) and <c>pc:alborz/کرج</c> (city in that province). Combined keys
/// keep "province and city on the same address" one index lookup. The migrations that add the column write the same
/// keys for existing rows in SQL; change both together.
/// </summary>
public static class AddressKeys
{
    public static string Country(string country) => "n:" + country;
    public static string City(string city) => "c:" + city;
    public static string CountryCity(string country, string city) => $"nc:{country}/{city}";
    public static string Province(string code) => "p:" + code;
    public static string ProvinceCity(string code, string city) => $"pc:{code}/{city}";

    /// <summary>A city as its keys hold it: normalised for search («كرج» and «کرج» are one city).</summary>
    public static string NormalizeCity(string? city) => PersianText.NormalizeForSearch(city);

    public static List<string> Of(IEnumerable<AddressEntry> addresses)
    {
        var keys = new List<string>();
        foreach (var a in addresses)
        {
            var country = a.Country.ToUpperInvariant();
            var city = NormalizeCity(a.City);
            keys.Add(Country(country));
            if (city.Length > 0)
                keys.AddRange([City(city), CountryCity(country, city)]);
            if (country == "IR" && IranProvinces.All.FirstOrDefault(p => p.Code == a.Province) is { } province)
            {
                keys.Add(Province(province.Code));
                if (city.Length > 0)
                    keys.Add(ProvinceCity(province.Code, city));
            }
        }
        return keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
