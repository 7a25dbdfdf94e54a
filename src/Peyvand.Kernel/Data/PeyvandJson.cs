using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Peyvand.Kernel.Data;

/// <summary>The JSON shape used everywhere we write JSON ourselves (audit, outbox, API): camelCase, enums as strings, Persian unescaped.</summary>
public static class PeyvandJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Numbers are JSON numbers: "12" for a count is a client bug to report, not to guess at. (Money has its own shape.)
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
