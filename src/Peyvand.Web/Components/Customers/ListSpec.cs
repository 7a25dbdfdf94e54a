namespace Peyvand.Web.Components.Customers;

/// <summary>
/// A filter input of a list page: a text box, a select when it has options (value → label; with
/// <paramref name="Multiple"/> several, kept as the API's comma list), a date in the user's calendar (kept as an ISO
/// date), or a company picked by name (<paramref name="IsCompany"/>, kept as its id). <paramref name="More"/> fields sit
/// in the folding "more filters" row.
/// </summary>
public sealed record ListFilterField(
    string Key, string Label, IReadOnlyList<(string Value, string Label)>? Options = null, bool IsDate = false, bool More = false,
    bool Multiple = false, bool IsCompany = false);

/// <summary>What a bulk action asks for besides the records.</summary>
public enum BulkValueKind
{
    None,
    Text,
    Owner,
    Choice,
}

/// <summary>A bulk action a list page offers: its API name, label and the value it takes.</summary>
public sealed record BulkOption(string Action, string Label, BulkValueKind Value, IReadOnlyList<(string Value, string Label)>? Choices = null);
