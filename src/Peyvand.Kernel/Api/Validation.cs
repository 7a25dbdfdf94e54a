using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Peyvand.Kernel.Api;

/// <summary>Runs the DataAnnotations of a request record and throws one <see cref="InvalidInputException"/> with every field error.</summary>
public static class Validation
{
    public static void Ensure(object request, IDictionary<string, List<string>>? extra = null)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        var errors = new Dictionary<string, List<string>>();
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty("body"))
                Add(errors, JsonNamingPolicy.CamelCase.ConvertName(member), Message(request, member, result));
        }
        if (extra is not null)
        {
            foreach (var (field, messages) in extra)
                messages.ForEach(m => Add(errors, field, m));
        }
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>
    /// The caller's-language message for a failed DataAnnotations rule: the attribute that failed is found again on
    /// the property, and its limits go into one of <see cref="ApiText"/>'s messages (the field is the error's key).
    /// </summary>
    private static string Message(object request, string member, ValidationResult result)
    {
        var property = request.GetType().GetProperty(member);
        if (property is null)
            return result.ErrorMessage ?? ApiText.Invalid;
        var value = property.GetValue(request);
        var context = new ValidationContext(request) { MemberName = member };
        var failed = property.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>()
            .FirstOrDefault(a => a.GetValidationResult(value, context) != ValidationResult.Success);
        var text = value is string;
        return failed switch
        {
            RequiredAttribute => ApiText.Required,
            MaxLengthAttribute max => text ? ApiText.MaxLengthText(max.Length) : ApiText.MaxLengthItems(max.Length),
            MinLengthAttribute min => text ? ApiText.MinLengthText(min.Length) : ApiText.MinLengthItems(min.Length),
            StringLengthAttribute { MinimumLength: var least, MaximumLength: var most } when least == most => ApiText.ExactLength(most),
            StringLengthAttribute { MinimumLength: > 0 } length => ApiText.LengthBetween(length.MinimumLength, length.MaximumLength),
            StringLengthAttribute length => ApiText.MaxLengthText(length.MaximumLength),
            LengthAttribute length => text
                ? ApiText.LengthBetween(length.MinimumLength, length.MaximumLength)
                : ApiText.Range(length.MinimumLength, length.MaximumLength),
            RangeAttribute range => ApiText.Range(range.Minimum, range.Maximum),
            EmailAddressAttribute => ApiText.Email,
            UrlAttribute => ApiText.Url,
            PhoneAttribute => ApiText.Phone,
            _ => ApiText.Invalid,
        };
    }

    public static void Add(IDictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(message);
    }
}

/// <summary>Enum values in query strings use the same names as in JSON bodies ("mql", "customer").</summary>
public static class QueryEnum
{
    /// <summary>
    /// The value's name as the API writes it ("mql", "1000+"): read back from its JSON, which escapes characters such as
    /// '+' (so trimming the quotes off would give "1000\u002B").
    /// </summary>
    public static string Name<T>(T value)
        where T : struct, Enum =>
        JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, Data.PeyvandJson.Options))!;

    public static T? Parse<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value.Trim()), Data.PeyvandJson.Options);
        }
        catch (JsonException)
        {
            throw new InvalidInputException(field, ApiText.UnknownValue(value));
        }
    }
}
