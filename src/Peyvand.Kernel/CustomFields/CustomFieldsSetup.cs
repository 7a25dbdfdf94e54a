using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Kernel.CustomFields;

public static class CustomFieldsSetup
{
    /// <summary>Lets <paramref name="entityType"/> (a resource name such as "contacts") carry custom fields.</summary>
    public static IServiceCollection AddCustomFieldsFor(this IServiceCollection services, PermissionCatalog catalog, string entityType)
    {
        var entities = services.Select(d => d.ImplementationInstance).OfType<CustomFieldEntities>().FirstOrDefault();
        if (entities is null)
        {
            entities = new CustomFieldEntities();
            services.AddSingleton(entities);
            // Defining fields is administration: built-in roles other than Administrator may read the definitions only.
            catalog.Register(CustomFieldResource.ResourceName, "Settings");
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelContributor, CustomFieldsModel>());
            services.AddScoped<ResourceDefinition<CustomFieldDefinition, CustomFieldWrite, CustomFieldView>, CustomFieldResource>();
            services.AddScoped<CustomFieldCatalog>();
        }
        entities.Add(entityType);
        return services;
    }

    public static void MapCustomFieldEndpoints(this IEndpointRouteBuilder api, string tag)
    {
        var group = api.MapResource<CustomFieldDefinition, CustomFieldWrite, CustomFieldView>(
            CustomFieldResource.ResourceName, tag, ResourceRoutes.All & ~ResourceRoutes.List);
        group.MapFilteredList<CustomFieldDefinition, CustomFieldWrite, CustomFieldView, CustomFieldFilter>("ListCustomFields",
            CustomFieldResource.Filter, "List custom-field definitions in order; filter by entity (contacts, companies) and archived=true");
    }
}

internal sealed class CustomFieldsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CustomFieldDefinition>(b =>
        {
            b.ToTable("CustomFieldDefinitions");
            b.Property(d => d.EntityType).HasMaxLength(30);
            b.Property(d => d.Key).HasMaxLength(CustomFieldDefinition.MaxKeyLength);
            b.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.LabelFa).HasMaxLength(CustomFieldDefinition.MaxLabelLength);
            b.Property(d => d.LabelEn).HasMaxLength(CustomFieldDefinition.MaxLabelLength);
            b.Property(d => d.Options).HasJsonConversion();
            b.Property(d => d.Currency).HasMaxLength(3);
            b.HasIndex(d => new { d.TenantId, d.EntityType, d.Key }).IsUnique();
            b.HasIndex(d => new { d.TenantId, d.EntityType, d.Order });
        });

        modelBuilder.Entity<CustomFieldUniqueValue>(b =>
        {
            b.ToTable("CustomFieldUniqueValues");
            b.Property(u => u.EntityType).HasMaxLength(30);
            b.Property(u => u.FieldKey).HasMaxLength(CustomFieldDefinition.MaxKeyLength);
            b.Property(u => u.Value).HasMaxLength(CustomFieldUniqueValue.MaxValueLength);
            b.HasIndex(u => new { u.TenantId, u.EntityType, u.FieldKey, u.Value }).IsUnique();
            b.HasIndex(u => new { u.TenantId, u.EntityType, u.RecordId });
        });
    }
}
