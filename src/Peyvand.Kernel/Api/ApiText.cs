using Peyvand.Kernel.Localization;

namespace Peyvand.Kernel.Api;

/// <summary>
/// Messages of the API conventions (problem titles, paging, lists, exports, DataAnnotations rules).
/// In the caller's language (see <see cref="Messages"/>): ApiText.resx is English, ApiText.fa.resx Persian.
/// </summary>
public static class ApiText
{
    internal static readonly Messages M = new("Peyvand.Kernel.Api.ApiText", typeof(ApiText).Assembly);

    public static string InvalidTitle => M.Get(nameof(InvalidTitle));
    public static string UnreadableTitle => M.Get(nameof(UnreadableTitle));
    public static string NotJson => M.Get(nameof(NotJson));
    public static string NotFoundTitle => M.Get(nameof(NotFoundTitle));
    public static string NotFound(string resource, object id) => M.Format(nameof(NotFound), ResourceNames.Display(resource), id);
    public static string ForbiddenTitle => M.Get(nameof(ForbiddenTitle));
    public static string ConflictTitle => M.Get(nameof(ConflictTitle));
    public static string ChangedTitle => M.Get(nameof(ChangedTitle));
    public static string ChangedDetail => M.Get(nameof(ChangedDetail));
    public static string Changed => M.Get(nameof(Changed));
    public static string IfMatchInvalid => M.Get(nameof(IfMatchInvalid));
    public static string UnexpectedTitle => M.Get(nameof(UnexpectedTitle));
    public static string TooManyTitle => M.Get(nameof(TooManyTitle));
    public static string TooManyDetail(object arg0, object arg1) => M.Format(nameof(TooManyDetail), arg0, arg1);
    public static string MayNot(string action, string resource) => M.Format(nameof(MayNot), M.Get("Action_" + action), ResourceNames.Display(resource));
    public static string Required => M.Get(nameof(Required));
    public static string MaxLengthText(object arg) => M.Format(nameof(MaxLengthText), arg);
    public static string MaxLengthItems(object arg) => M.Format(nameof(MaxLengthItems), arg);
    public static string MinLengthText(object arg) => M.Format(nameof(MinLengthText), arg);
    public static string MinLengthItems(object arg) => M.Format(nameof(MinLengthItems), arg);
    public static string ExactLength(object arg) => M.Format(nameof(ExactLength), arg);
    public static string LengthBetween(object arg0, object arg1) => M.Format(nameof(LengthBetween), arg0, arg1);
    public static string Range(object arg0, object arg1) => M.Format(nameof(Range), arg0, arg1);
    public static string Email => M.Get(nameof(Email));
    public static string Url => M.Get(nameof(Url));
    public static string Phone => M.Get(nameof(Phone));
    public static string Invalid => M.Get(nameof(Invalid));
    public static string UnknownValue(object arg) => M.Format(nameof(UnknownValue), arg);
    public static string PatchObject => M.Get(nameof(PatchObject));
    public static string PatchEmpty => M.Get(nameof(PatchEmpty));
    public static string UnknownField => M.Get(nameof(UnknownField));
    public static string SortBy(object arg) => M.Format(nameof(SortBy), arg);
    public static string CursorInvalid => M.Get(nameof(CursorInvalid));
    public static string CursorSort => M.Get(nameof(CursorSort));
    public static string NotACursor => M.Get(nameof(NotACursor));
    public static string LimitBetween(object arg) => M.Format(nameof(LimitBetween), arg);
    public static string SearchTooLong(object arg) => M.Format(nameof(SearchTooLong), arg);
    public static string SearchLength(object arg) => M.Format(nameof(SearchLength), arg);
    public static string ChooseOneOf(object arg) => M.Format(nameof(ChooseOneOf), arg);
    public static string IdsOrFilter => M.Get(nameof(IdsOrFilter));
    public static string CustomFieldsWithFilter => M.Get(nameof(CustomFieldsWithFilter));
    public static string TooManyRecords(object arg) => M.Format(nameof(TooManyRecords), arg);
    public static string BulkOutside(string resource, object id) => M.Format(nameof(BulkOutside), ResourceNames.Display(resource), id);
    public static string BulkChanged => M.Get(nameof(BulkChanged));
    public static string BulkUnique(string resource) => M.Format(nameof(BulkUnique), ResourceNames.Display(resource));
    public static string ExportFormat => M.Get(nameof(ExportFormat));
    public static string ExportLanguage => M.Get(nameof(ExportLanguage));
    public static string ExportCalendar => M.Get(nameof(ExportCalendar));
    public static string ExportTooMany(object arg0, object arg1) => M.Format(nameof(ExportTooMany), arg0, arg1);
    public static string Columns(object arg0, object arg1, object arg2) => M.Format(nameof(Columns), arg0, arg1, arg2);
    public static string TimelineTypes(object arg0, object arg1) => M.Format(nameof(TimelineTypes), arg0, arg1);
    public static string NotRestorable(string resource) => M.Format(nameof(NotRestorable), ResourceNames.Display(resource));
    public static string Outside(string resource) => M.Format(nameof(Outside), ResourceNames.Display(resource));
    public static string Duplicate(string resource) => M.Format(nameof(Duplicate), ResourceNames.Display(resource));
    public static string OnlyUserNotifications => M.Get(nameof(OnlyUserNotifications));
    public static string IdempotencyKeyTooLong(object arg0, object arg1) => M.Format(nameof(IdempotencyKeyTooLong), arg0, arg1);
    public static string IdempotencyReusedTitle => M.Get(nameof(IdempotencyReusedTitle));
    public static string IdempotencyReusedDetail => M.Get(nameof(IdempotencyReusedDetail));
    public static string IdempotencyInProgressTitle => M.Get(nameof(IdempotencyInProgressTitle));
    public static string IdempotencyInProgressDetail => M.Get(nameof(IdempotencyInProgressDetail));
    public static string UnsupportedMediaTypeTitle => M.Get(nameof(UnsupportedMediaTypeTitle));
    public static string UnsupportedMediaTypeDetail => M.Get(nameof(UnsupportedMediaTypeDetail));
    public static string TooLargeTitle => M.Get(nameof(TooLargeTitle));
    public static string TooLargeDetail(object arg) => M.Format(nameof(TooLargeDetail), arg);
    public static string UnauthorizedTitle => M.Get(nameof(UnauthorizedTitle));
    public static string UnauthorizedDetail => M.Get(nameof(UnauthorizedDetail));
    public static string ForbiddenDetail => M.Get(nameof(ForbiddenDetail));
    public static string NoSuchAddress => M.Get(nameof(NoSuchAddress));
    public static string MethodNotAllowedTitle => M.Get(nameof(MethodNotAllowedTitle));
    public static string MethodNotAllowedDetail(object arg) => M.Format(nameof(MethodNotAllowedDetail), arg);
    public static string BadRequestTitle => M.Get(nameof(BadRequestTitle));
    public static string RequestFailedTitle => M.Get(nameof(RequestFailedTitle));
}
