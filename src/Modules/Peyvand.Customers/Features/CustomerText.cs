using Peyvand.Kernel.Localization;

namespace Peyvand.Customers.Features;

/// <summary>
/// Messages of the customers module (contacts, companies, activities, categories): validation errors a caller sees.
/// In the caller's language (see <see cref="Messages"/>): CustomerText.resx is English, CustomerText.fa.resx Persian.
/// </summary>
public static class CustomerText
{
    internal static readonly Messages M = new("Peyvand.Customers.Features.CustomerText", typeof(CustomerText).Assembly);

    public static string GiveName => M.Get(nameof(GiveName));
    public static string IsoDate => M.Get(nameof(IsoDate));
    public static string MonthDay => M.Get(nameof(MonthDay));
    public static string BirthdaysOrRange => M.Get(nameof(BirthdaysOrRange));
    public static string NationalId => M.Get(nameof(NationalId));
    public static string Birthday => M.Get(nameof(Birthday));
    public static string CompanyTwice => M.Get(nameof(CompanyTwice));
    public static string RoleTooLong(object arg) => M.Format(nameof(RoleTooLong), arg);
    public static string NoSuchCompany => M.Get(nameof(NoSuchCompany));
    public static string GiveStage => M.Get(nameof(GiveStage));
    public static string GiveCompanyName => M.Get(nameof(GiveCompanyName));
    public static string LegalId => M.Get(nameof(LegalId));
    public static string EconomicCode => M.Get(nameof(EconomicCode));
    public static string OwnParent => M.Get(nameof(OwnParent));
    public static string NoSuchCategory => M.Get(nameof(NoSuchCategory));
    public static string NoSuchOwner => M.Get(nameof(NoSuchOwner));
    public static string Website => M.Get(nameof(Website));
    public static string Email => M.Get(nameof(Email));
    public static string Phone => M.Get(nameof(Phone));
    public static string Tag => M.Get(nameof(Tag));
    public static string GiveOwner => M.Get(nameof(GiveOwner));
    public static string TooLong(object arg) => M.Format(nameof(TooLong), arg);
    public static string Country => M.Get(nameof(Country));
    public static string Province => M.Get(nameof(Province));
    public static string City => M.Get(nameof(City));
    public static string ProvinceFilter => M.Get(nameof(ProvinceFilter));
    public static string PostalCodeIran => M.Get(nameof(PostalCodeIran));
    public static string PostalCode => M.Get(nameof(PostalCode));
    public static string CityOrStreet => M.Get(nameof(CityOrStreet));
    public static string ConsentStatus => M.Get(nameof(ConsentStatus));
    public static string ConsentSource => M.Get(nameof(ConsentSource));
    public static string Telegram => M.Get(nameof(Telegram));
    public static string Instagram => M.Get(nameof(Instagram));
    public static string X => M.Get(nameof(X));
    public static string LinkedIn => M.Get(nameof(LinkedIn));
    public static string WhatsApp => M.Get(nameof(WhatsApp));
    public static string UnknownNetwork => M.Get(nameof(UnknownNetwork));
    public static string GiveNameFa => M.Get(nameof(GiveNameFa));
    public static string GiveNameEn => M.Get(nameof(GiveNameEn));
    public static string KeepKind => M.Get(nameof(KeepKind));
    public static string NoteText => M.Get(nameof(NoteText));
    public static string GiveSubject => M.Get(nameof(GiveSubject));
    public static string Direction => M.Get(nameof(Direction));
    public static string MeetingStart => M.Get(nameof(MeetingStart));
    public static string MeetingEnd => M.Get(nameof(MeetingEnd));
    public static string MeetingOrder => M.Get(nameof(MeetingOrder));
    public static string UnknownContacts => M.Get(nameof(UnknownContacts));
    public static string UnknownCompanies => M.Get(nameof(UnknownCompanies));
    public static string UnknownAttendees => M.Get(nameof(UnknownAttendees));
    public static string OnlyTasksRemind => M.Get(nameof(OnlyTasksRemind));
    public static string CalendarKinds => M.Get(nameof(CalendarKinds));
    public static string OnlyUserCalendar => M.Get(nameof(OnlyUserCalendar));
}
