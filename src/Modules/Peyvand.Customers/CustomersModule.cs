using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Customers.Data;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers;

/// <summary>Contacts and companies: the customer database every other module builds on.</summary>
public static class CustomersModule
{
    public const string Name = "Customers";
    public const string Contacts = "contacts";
    public const string Companies = "companies";

    public static IServiceCollection AddCustomersModule(this IServiceCollection services, PermissionCatalog catalog)
    {
        catalog.Register(Contacts, Name, isOwned: true);
        catalog.Register(Companies, Name, isOwned: true);
        services.AddSingleton<IModelContributor, CustomersModel>();
        services.AddScoped<ResourceDefinition<Contact, ContactWrite, ContactView>, ContactResource>();
        services.AddScoped<ResourceDefinition<Company, CompanyWrite, CompanyView>, CompanyResource>();
        services.AddScoped<ISearchProvider, ContactSearch>();
        services.AddScoped<ISearchProvider, CompanySearch>();
        return services;
    }

    public static void MapCustomersEndpoints(this IEndpointRouteBuilder api)
    {
        const string tag = Name;
        var contacts = api.MapResource<Contact, ContactWrite, ContactView>(Contacts, tag, ResourceRoutes.All & ~ResourceRoutes.List);
        contacts.MapGet("/", async ([AsParameters] ListQuery list, [AsParameters] ContactFilter filter,
                    ResourceService<Contact, ContactWrite, ContactView> service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(list, ct, q => ContactResource.Filter(q, filter))))
            .WithName("ListContacts")
            .WithSummary("List contacts: q searches names, emails, phones, national ID and tags (Persian-aware); filter by lifecycleStage, ownerId, companyId, tag")
            .WithStandardProblems();
        api.MapResource<Company, CompanyWrite, CompanyView>(Companies, tag);
    }
}
