using System.Text.Json.Serialization;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.CustomFields;

[JsonConverter(typeof(JsonStringEnumConverter<CustomFieldType>))]
public enum CustomFieldType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("longText")] LongText,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("money")] Money,
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("boolean")] Boolean,
    [JsonStringEnumMemberName("singleSelect")] SingleSelect,
    [JsonStringEnumMemberName("multiSelect")] MultiSelect,
    [JsonStringEnumMemberName("url")] Url,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("phone")] Phone,
    [JsonStringEnumMemberName("user")] User,
}

/// <summary>One choice of a select field: a stable value and its labels.</summary>
public sealed class CustomFieldOption
{
    public string Value { get; set; } = "";
    public string LabelFa { get; set; } = "";
    public string LabelEn { get; set; } = "";

    public string Label(string language) => language == "fa" ? Coalesce(LabelFa, LabelEn, Value) : Coalesce(LabelEn, LabelFa, Value);

    private static string Coalesce(params string[] texts) => texts.First(t => !string.IsNullOrWhiteSpace(t));
}

/// <summary>
/// A field an administrator added to an entity ("contacts", "companies", later "deals", "tickets"). Records keep their
/// values in one JSON column keyed by <see cref="Key"/>; archiving hides the field but keeps those values.
/// </summary>
public sealed class CustomFieldDefinition : TenantEntity
{
    public const int MaxKeyLength = 50;
    public const int MaxLabelLength = 100;
    public const int DefaultTextLength = 255;
    public const int MaxLongTextLength = 4000;

    public string EntityType { get; set; } = "";
    public string Key { get; set; } = "";
    public CustomFieldType Type { get; set; }
    public string LabelFa { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public bool Required { get; set; }
    public bool Unique { get; set; }
    public List<CustomFieldOption> Options { get; set; } = [];
    public int? MaxLength { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public DateOnly? MinDate { get; set; }
    public DateOnly? MaxDate { get; set; }
    public string? Currency { get; set; }
    public int Order { get; set; }
    public bool Archived { get; set; }

    public string Label(string language) =>
        language == "fa" ? (LabelFa.Length > 0 ? LabelFa : LabelEn) : (LabelEn.Length > 0 ? LabelEn : LabelFa);

    public int EffectiveMaxLength => MaxLength ?? (Type == CustomFieldType.LongText ? MaxLongTextLength : DefaultTextLength);

    public static bool CanBeUnique(CustomFieldType type) =>
        type is CustomFieldType.Text or CustomFieldType.Number or CustomFieldType.Email or CustomFieldType.Phone
            or CustomFieldType.Url or CustomFieldType.Date or CustomFieldType.Money;

    public static bool IsTextLike(CustomFieldType type) =>
        type is CustomFieldType.Text or CustomFieldType.LongText or CustomFieldType.Email or CustomFieldType.Phone
            or CustomFieldType.Url or CustomFieldType.SingleSelect or CustomFieldType.MultiSelect;
}

/// <summary>
/// A value of a unique custom field, one row per record and field: the unique index on it makes two records with the same
/// value impossible even when they are saved at the same instant, on either database.
/// </summary>
public sealed class CustomFieldUniqueValue : Entity, ITenantOwned
{
    public const int MaxValueLength = 300;

    public Guid TenantId { get; private set; }
    public string EntityType { get; set; } = "";
    public string FieldKey { get; set; } = "";
    public string Value { get; set; } = "";
    public Guid RecordId { get; set; }
}
