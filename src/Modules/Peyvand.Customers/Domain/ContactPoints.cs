using System.Text.Json.Serialization;

namespace Peyvand.Customers.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<EmailType>))]
public enum EmailType
{
    Work,
    Personal,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<PhoneType>))]
public enum PhoneType
{
    Mobile,
    Work,
    Home,
    Fax,
    Other,
}

/// <summary>An email address of a contact, lower-cased; one of them is primary.</summary>
public sealed class EmailEntry
{
    public string Value { get; set; } = "";
    public EmailType Type { get; set; }
    public bool Primary { get; set; }
}

/// <summary>A phone number in E.164; one of them is primary.</summary>
public sealed class PhoneEntry
{
    public string Value { get; set; } = "";
    public PhoneType Type { get; set; }
    public bool Primary { get; set; }
}
