using PhoneNumbers;
using Peyvand.Kernel.Localization;

namespace Peyvand.Kernel.Text;

/// <summary>Phone numbers parsed at the edge and stored as E.164; Iranian local forms (0912…, 0098…) and Persian digits accepted.</summary>
public static class Phones
{
    public const string DefaultRegion = "IR";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form ("+989121234567"), or null when the text is not a valid number.</summary>
    public static string? ToE164(string? text, string region = DefaultRegion)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
            return null;
        var ascii = Digits.ToAscii(text.Trim());
        if (ascii.StartsWith("00", StringComparison.Ordinal))
            ascii = "+" + ascii[2..];
        try
        {
            var number = Util.Parse(ascii, region);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A stored E.164 number in international format ("+98 912 123 4567"); the text itself when it does not parse.</summary>
    public static string ToInternational(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, DefaultRegion), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
