using Microsoft.Extensions.Localization;
using Peyvand.Customers;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Text;

namespace Peyvand.Web.Components.Customers;

/// <summary>
/// Timeline labels of contact and company fields: the same words the forms and 360 pages use (CustomersText), so the
/// UI timeline and the API's <c>fields[].label</c> read alike.
/// </summary>
public abstract class CustomerFieldLabels(IStringLocalizer<CustomersText> text) : IAuditFieldLabels
{
    private static readonly Dictionary<string, string> Shared = new()
    {
        ["emails"] = "Emails", ["phones"] = "Phones", ["website"] = "Website", ["tags"] = "Tags", ["ownerId"] = "Owner",
        ["addresses"] = "Addresses", ["socialProfiles"] = "SocialProfiles", ["categoryId"] = "Category", ["notes"] = "Notes",
        ["primaryEmail"] = "PrimaryEmail", ["primaryPhone"] = "PrimaryPhone", ["customFields"] = "CustomField",
    };

    public abstract string EntityType { get; }

    public abstract string? CustomFieldEntity { get; }

    protected abstract IReadOnlyDictionary<string, string> Own { get; }

    public string? LabelFor(string field)
    {
        if (!Own.TryGetValue(field, out var key) && !Shared.TryGetValue(field, out key))
            return null;
        var label = text[key];
        return label.ResourceNotFound ? null : label.Value;
    }
}

public sealed class ContactFieldLabels(IStringLocalizer<CustomersText> text) : CustomerFieldLabels(text)
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["firstName"] = "FirstName", ["lastName"] = "LastName", ["nationalId"] = "NationalId", ["lifecycleStage"] = "Stage",
        ["jobTitle"] = "JobTitle", ["companyId"] = "Company", ["source"] = "Source", ["birthday"] = "Birthday",
        ["consent"] = "Consent", ["companies"] = "CompaniesAndRoles",
    };

    public override string EntityType => nameof(Contact);

    public override string? CustomFieldEntity => CustomersModule.Contacts;

    protected override IReadOnlyDictionary<string, string> Own => Fields;
}

public sealed class CompanyFieldLabels(IStringLocalizer<CustomersText> text) : CustomerFieldLabels(text)
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = "CompanyName", ["legalName"] = "LegalName", ["nationalId"] = "CompanyNationalId", ["economicCode"] = "EconomicCode",
        ["industry"] = "Industry", ["size"] = "Size", ["parentCompanyId"] = "ParentCompany", ["contacts"] = "CompanyContacts",
    };

    public override string EntityType => nameof(Company);

    public override string? CustomFieldEntity => CustomersModule.Companies;

    protected override IReadOnlyDictionary<string, string> Own => Fields;
}
