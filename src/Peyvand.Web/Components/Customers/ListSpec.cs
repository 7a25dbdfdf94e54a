namespace Peyvand.Web.Components.Customers;

/// <summary>A filter input of a list page: a text box, or a select when it has options (value → label).</summary>
public sealed record ListFilterField(string Key, string Label, IReadOnlyList<(string Value, string Label)>? Options = null);

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
