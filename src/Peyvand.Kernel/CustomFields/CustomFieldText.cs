using System.Globalization;

namespace Peyvand.Kernel.CustomFields;

/// <summary>
/// Custom-field messages (validation errors, yes/no) in the caller's language: the current UI culture, which the
/// request localisation sets from the user's language (or, for the API, Accept-Language) and a Blazor circuit keeps.
/// English is the neutral resource (CustomFieldText.resx), Persian its <c>.fa</c> pair.
/// </summary>
public static class CustomFieldText
{
    private static readonly Localization.Messages M = new("Peyvand.Kernel.CustomFields.CustomFieldText", typeof(CustomFieldText).Assembly);

    public static string NoSuchField => Get(nameof(NoSuchField));
    public static string Archived => Get(nameof(Archived));
    public static string Required => Get(nameof(Required));
    public static string Taken => Get(nameof(Taken));
    public static string TooLong(object arg) => Format(nameof(TooLong), arg);
    public static string NotANumber => Get(nameof(NotANumber));
    public static string WrongCurrency(object arg) => Format(nameof(WrongCurrency), arg);
    public static string NotAnAmount => Get(nameof(NotAnAmount));
    public static string NotADate => Get(nameof(NotADate));
    public static string NotBefore(object arg) => Format(nameof(NotBefore), arg);
    public static string NotAfter(object arg) => Format(nameof(NotAfter), arg);
    public static string NotABoolean => Get(nameof(NotABoolean));
    public static string NotAList => Get(nameof(NotAList));
    public static string NotAUrl => Get(nameof(NotAUrl));
    public static string NotAnEmail => Get(nameof(NotAnEmail));
    public static string NotAPhone => Get(nameof(NotAPhone));
    public static string NotAUserId => Get(nameof(NotAUserId));
    public static string NoSuchUser => Get(nameof(NoSuchUser));
    public static string UnsupportedType => Get(nameof(UnsupportedType));
    public static string ChooseOption(object arg) => Format(nameof(ChooseOption), arg);
    public static string AtLeast(object arg) => Format(nameof(AtLeast), arg);
    public static string AtMost(object arg) => Format(nameof(AtMost), arg);
    public static string NotText => Get(nameof(NotText));
    public static string FilterOperators => Get(nameof(FilterOperators));
    public static string FilterEqualityOnly => Get(nameof(FilterEqualityOnly));
    public static string GiveAValue => Get(nameof(GiveAValue));
    public static string Yes => Get(nameof(Yes));
    public static string No => Get(nameof(No));
    public static string AmountShape => Get(nameof(AmountShape));

    // Messages about field definitions (/api/v1/custom-fields).
    public static string DefEntity(object arg) => Format(nameof(DefEntity), arg);
    public static string DefKeyFormat => Get(nameof(DefKeyFormat));
    public static string DefKeyTaken => Get(nameof(DefKeyTaken));
    public static string DefEntityFixed => Get(nameof(DefEntityFixed));
    public static string DefKeyFixed => Get(nameof(DefKeyFixed));
    public static string DefTypeFixed => Get(nameof(DefTypeFixed));
    public static string DefUniqueFixed => Get(nameof(DefUniqueFixed));
    public static string DefLabel => Get(nameof(DefLabel));
    public static string DefUniqueType => Get(nameof(DefUniqueType));
    public static string DefOptionValue => Get(nameof(DefOptionValue));
    public static string DefOptionsDiffer => Get(nameof(DefOptionsDiffer));
    public static string DefNeedsOptions => Get(nameof(DefNeedsOptions));
    public static string DefNoOptions => Get(nameof(DefNoOptions));
    public static string DefOptionRemoved(object arg) => Format(nameof(DefOptionRemoved), arg);
    public static string DefMaxLength(object arg) => Format(nameof(DefMaxLength), arg);
    public static string DefMinMaxType => Get(nameof(DefMinMaxType));
    public static string DefMaxBelowMin => Get(nameof(DefMaxBelowMin));
    public static string DefDateRangeType => Get(nameof(DefDateRangeType));
    public static string DefMaxDateBeforeMin => Get(nameof(DefMaxDateBeforeMin));
    public static string DefCurrencyFormat => Get(nameof(DefCurrencyFormat));
    public static string DefCurrencyType => Get(nameof(DefCurrencyType));

    /// <summary>A message in the given language ("fa" or "en") rather than the current one.</summary>
    public static string In(string language, string name) => M.In(language, name);

    private static string Get(string name) => M.Get(name);

    // A number (limits come as invariant text) is written with Persian digits in a Persian message; codes stay as they are.
    private static string Format(string name, object arg) =>
        M.Format(name,
            arg is string text && Localization.Messages.IsPersian && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                ? Localization.Digits.ToPersian(text)
                : arg);
}
