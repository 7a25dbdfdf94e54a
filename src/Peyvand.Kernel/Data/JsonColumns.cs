using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Peyvand.Kernel.Data;

public static class JsonColumns
{
    /// <summary>
    /// Stores a small structured value (a list of emails, a permission matrix) as JSON text in one column. It stays one
    /// scalar property, so it is audited with before/after like any field and compared by value for change tracking.
    /// </summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class, new() =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, PeyvandJson.Options),
            v => JsonSerializer.Deserialize<T>(v, PeyvandJson.Options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, PeyvandJson.Options) == JsonSerializer.Serialize(b, PeyvandJson.Options),
                v => JsonSerializer.Serialize(v, PeyvandJson.Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, PeyvandJson.Options), PeyvandJson.Options)!));
}
