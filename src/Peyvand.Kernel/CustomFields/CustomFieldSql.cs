using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Peyvand.Kernel.CustomFields;

/// <summary>
/// Reads one value out of a custom-field JSON column inside a query: <c>json_extract</c> on SQLite,
/// <c>jsonb_extract_path_text</c> on PostgreSQL. The C# bodies do the same in memory (the keyset cursor reads the last
/// row's sort value with them), so both sides agree on every value.
/// </summary>
public static class CustomFieldSql
{
    public static string? Text(string json, string key) => CustomFieldValues.ValueOf(json, key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };

    public static double? Number(string json, string key) => CustomFieldValues.ValueOf(json, key) is JsonValue v
        ? v.TryGetValue<double>(out var d) ? d : double.TryParse(v.ToString(), CultureInfo.InvariantCulture, out d) ? d : null
        : null;

    public static bool? Flag(string json, string key) => CustomFieldValues.ValueOf(json, key) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>Maps the functions above onto the provider's JSON functions. Keys are SQL constants (they are validated identifiers).</summary>
    public static void Register(ModelBuilder modelBuilder, bool postgres)
    {
        modelBuilder.HasDbFunction(typeof(CustomFieldSql).GetMethod(nameof(Text))!).HasTranslation(args => Extract(args, postgres, cast: null, typeof(string)));
        modelBuilder.HasDbFunction(typeof(CustomFieldSql).GetMethod(nameof(Number))!).HasTranslation(args => Extract(args, postgres, cast: "float8", typeof(double)));
        modelBuilder.HasDbFunction(typeof(CustomFieldSql).GetMethod(nameof(Flag))!).HasTranslation(args => Extract(args, postgres, cast: "bool", typeof(bool)));
    }

    // No argument "propagates" nullability: the column is never NULL, yet a missing key is, and EF must not drop COALESCE around it.
    private static SqlFunctionExpression Extract(IReadOnlyList<SqlExpression> args, bool postgres, string? cast, Type type)
    {
        var key = (SqlConstantExpression)args[1];
        var keyText = (string)key.Value!;
        if (!postgres)
        {
            // json_extract gives SQLite's own number, text or 0/1 for true/false: no cast needed.
            var path = new SqlConstantExpression($"$.\"{keyText}\"", typeof(string), key.TypeMapping);
            return new SqlFunctionExpression("json_extract", [args[0], path], nullable: true, argumentsPropagateNullability: [false, false],
                type, cast is null ? key.TypeMapping : null);
        }
        var text = new SqlFunctionExpression("jsonb_extract_path_text", [args[0], key], nullable: true,
            argumentsPropagateNullability: [false, false], typeof(string), key.TypeMapping);
        // float8(…) and bool(…) are PostgreSQL's function-style casts.
        return cast is null ? text : new SqlFunctionExpression(cast, [text], nullable: true, argumentsPropagateNullability: [false],
            type, null);
    }
}
