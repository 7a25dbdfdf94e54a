using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;

namespace Peyvand.Kernel.CustomFields;

public sealed record CustomFieldOptionInput(
    [property: Required, MaxLength(50)] string Value,
    [property: MaxLength(CustomFieldDefinition.MaxLabelLength)] string? LabelFa = null,
    [property: MaxLength(CustomFieldDefinition.MaxLabelLength)] string? LabelEn = null);

public sealed record CustomFieldWrite(
    [property: Required, MaxLength(30)] string Entity,
    [property: Required, MaxLength(CustomFieldDefinition.MaxKeyLength)] string Key,
    CustomFieldType Type = CustomFieldType.Text,
    [property: MaxLength(CustomFieldDefinition.MaxLabelLength)] string? LabelFa = null,
    [property: MaxLength(CustomFieldDefinition.MaxLabelLength)] string? LabelEn = null,
    bool Required = false,
    bool Unique = false,
    [property: MaxLength(100)] List<CustomFieldOptionInput>? Options = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    DateOnly? MinDate = null,
    DateOnly? MaxDate = null,
    [property: MaxLength(3)] string? Currency = null,
    int? Order = null,
    bool Archived = false);

public sealed record CustomFieldView(
    Guid Id, string Entity, string Key, CustomFieldType Type, string LabelFa, string LabelEn, bool Required, bool Unique,
    IReadOnlyList<CustomFieldOptionInput> Options, int? MaxLength, decimal? Min, decimal? Max, DateOnly? MinDate, DateOnly? MaxDate,
    string? Currency, int Order, bool Archived, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Filters on the custom-field list: <c>entity</c> (contacts, companies, …) and <c>archived</c> (default: active only).</summary>
public sealed record CustomFieldFilter(string? Entity, bool? Archived);

/// <summary>The entities that carry custom fields; modules add theirs at start-up.</summary>
public sealed class CustomFieldEntities
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public void Add(string entityType)
    {
        if (!_names.Contains(entityType))
            _names.Add(entityType);
    }
}

public sealed partial class CustomFieldResource(CustomFieldEntities entities) : ResourceDefinition<CustomFieldDefinition, CustomFieldWrite, CustomFieldView>
{
    public const string ResourceName = "custom-fields";

    public override string Name => ResourceName;

    public override IReadOnlyList<SortField<CustomFieldDefinition>> Sorts => field ??=
    [
        SortField.By<CustomFieldDefinition, int>("order", d => d.Order),
        SortField.By<CustomFieldDefinition, string>("key", d => d.Key),
        SortField.By<CustomFieldDefinition, DateTime>("createdAt", d => d.CreatedAt),
    ];

    public static IQueryable<CustomFieldDefinition> Filter(IQueryable<CustomFieldDefinition> query, CustomFieldFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Entity))
            query = query.Where(d => d.EntityType == filter.Entity.Trim());
        var archived = filter.Archived ?? false;
        return query.Where(d => d.Archived == archived);
    }

    public override CustomFieldView ToView(CustomFieldDefinition d) => new(
        d.Id, d.EntityType, d.Key, d.Type, d.LabelFa, d.LabelEn, d.Required, d.Unique,
        [.. d.Options.Select(o => new CustomFieldOptionInput(o.Value, o.LabelFa, o.LabelEn))],
        d.MaxLength, d.Min, d.Max, d.MinDate, d.MaxDate, d.Currency, d.Order, d.Archived, d.CreatedAt, d.UpdatedAt);

    public override CustomFieldWrite ToWrite(CustomFieldDefinition d) => new(
        d.EntityType, d.Key, d.Type, d.LabelFa, d.LabelEn, d.Required, d.Unique,
        [.. d.Options.Select(o => new CustomFieldOptionInput(o.Value, o.LabelFa, o.LabelEn))],
        d.MaxLength, d.Min, d.Max, d.MinDate, d.MaxDate, d.Currency, d.Order, d.Archived);

    public override async Task UpdateAsync(CustomFieldDefinition field, CustomFieldWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var isNew = db.Entry(field).State == EntityState.Detached;
        var key = write.Key.Trim();
        if (isNew)
        {
            if (!entities.Names.Contains(write.Entity))
                Validation.Add(errors, "entity", CustomFieldText.DefEntity(string.Join(", ", entities.Names)));
            if (!KeyFormat().IsMatch(key))
                Validation.Add(errors, "key", CustomFieldText.DefKeyFormat);
            else if (await db.Set<CustomFieldDefinition>().IgnoreQueryFilters([PeyvandDbContext.SoftDeleteFilter])
                         .AnyAsync(d => d.EntityType == write.Entity && d.Key == key, cancellationToken))
                Validation.Add(errors, "key", CustomFieldText.DefKeyTaken);
        }
        else
        {
            // Stored values are keyed and typed by these; changing them would orphan or corrupt the values.
            if (write.Entity != field.EntityType)
                Validation.Add(errors, "entity", CustomFieldText.DefEntityFixed);
            if (key != field.Key)
                Validation.Add(errors, "key", CustomFieldText.DefKeyFixed);
            if (write.Type != field.Type)
                Validation.Add(errors, "type", CustomFieldText.DefTypeFixed);
            if (write.Unique != field.Unique)
                Validation.Add(errors, "unique", CustomFieldText.DefUniqueFixed);
        }

        var labelFa = write.LabelFa?.Trim() ?? "";
        var labelEn = write.LabelEn?.Trim() ?? "";
        if (labelFa.Length == 0 && labelEn.Length == 0)
            Validation.Add(errors, "labelFa", CustomFieldText.DefLabel);
        if (write.Unique && !CustomFieldDefinition.CanBeUnique(write.Type))
            Validation.Add(errors, "unique", CustomFieldText.DefUniqueType);

        var options = new List<CustomFieldOption>();
        var isSelect = write.Type is CustomFieldType.SingleSelect or CustomFieldType.MultiSelect;
        for (var i = 0; i < (write.Options?.Count ?? 0); i++)
        {
            var option = write.Options![i];
            var value = option.Value?.Trim() ?? "";
            if (value.Length == 0 || value.IndexOfAny(['"', '\\', '%']) >= 0)
                Validation.Add(errors, $"options[{i}].value", CustomFieldText.DefOptionValue);
            else if (options.Any(o => o.Value == value))
                Validation.Add(errors, $"options[{i}].value", CustomFieldText.DefOptionsDiffer);
            else
                options.Add(new CustomFieldOption { Value = value, LabelFa = option.LabelFa?.Trim() ?? "", LabelEn = option.LabelEn?.Trim() ?? "" });
        }
        if (isSelect && options.Count == 0 && (write.Options?.Count ?? 0) == 0)
            Validation.Add(errors, "options", CustomFieldText.DefNeedsOptions);
        if (!isSelect && options.Count > 0)
            Validation.Add(errors, "options", CustomFieldText.DefNoOptions);
        // Options in use keep their values: removing one would leave stored values no option matches.
        foreach (var removed in field.Options.Where(o => options.All(n => n.Value != o.Value)))
            Validation.Add(errors, "options", CustomFieldText.DefOptionRemoved(removed.Value));

        if (write.MaxLength is { } maxLength && (write.Type is not (CustomFieldType.Text or CustomFieldType.LongText)
                                                 || maxLength < 1 || maxLength > CustomFieldDefinition.MaxLongTextLength))
            Validation.Add(errors, "maxLength", CustomFieldText.DefMaxLength(CustomFieldDefinition.MaxLongTextLength));
        var numeric = write.Type is CustomFieldType.Number or CustomFieldType.Money;
        if ((write.Min is not null || write.Max is not null) && !numeric)
            Validation.Add(errors, "min", CustomFieldText.DefMinMaxType);
        if (write.Min > write.Max)
            Validation.Add(errors, "max", CustomFieldText.DefMaxBelowMin);
        if ((write.MinDate is not null || write.MaxDate is not null) && write.Type != CustomFieldType.Date)
            Validation.Add(errors, "minDate", CustomFieldText.DefDateRangeType);
        if (write.MinDate > write.MaxDate)
            Validation.Add(errors, "maxDate", CustomFieldText.DefMaxDateBeforeMin);
        string? currency = null;
        if (write.Type == CustomFieldType.Money)
        {
            currency = string.IsNullOrWhiteSpace(write.Currency) ? "IRR" : write.Currency.Trim();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
                Validation.Add(errors, "currency", CustomFieldText.DefCurrencyFormat);
        }
        else if (!string.IsNullOrWhiteSpace(write.Currency))
        {
            Validation.Add(errors, "currency", CustomFieldText.DefCurrencyType);
        }
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        var order = write.Order;
        if (order is null && isNew)
        {
            order = await db.Set<CustomFieldDefinition>().Where(d => d.EntityType == write.Entity)
                .Select(d => (int?)d.Order).MaxAsync(cancellationToken) + 1 ?? 0;
        }

        field.EntityType = write.Entity;
        field.Key = key;
        field.Type = write.Type;
        field.LabelFa = labelFa;
        field.LabelEn = labelEn;
        field.Required = write.Required;
        field.Unique = write.Unique;
        field.Options = options;
        field.MaxLength = write.MaxLength;
        field.Min = write.Min;
        field.Max = write.Max;
        field.MinDate = write.MinDate;
        field.MaxDate = write.MaxDate;
        field.Currency = currency;
        field.Order = order ?? field.Order;
        field.Archived = write.Archived;
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,49}$")]
    private static partial Regex KeyFormat();
}
