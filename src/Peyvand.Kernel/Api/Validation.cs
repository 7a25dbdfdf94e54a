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
                Add(errors, JsonNamingPolicy.CamelCase.ConvertName(member), result.ErrorMessage ?? "Invalid value.");
        }
        if (extra is not null)
        {
            foreach (var (field, messages) in extra)
                messages.ForEach(m => Add(errors, field, m));
        }
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
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
            throw new InvalidInputException(field, $"Unknown value '{value}'.");
        }
    }
}
