using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Customers.Data;
using Peyvand.Customers.Demo;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Cli;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Lists;
using Peyvand.Kernel.Jobs;
using Peyvand.Kernel.Outbox;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers;

/// <summary>Contacts and companies: the customer database every other module builds on.</summary>
public static class CustomersModule
{
    public const string Name = "Customers";
    public const string Contacts = "contacts";
    public const string Companies = "companies";
    public const string Activities = "activities";
    public const string Categories = "customer-categories";

    /// <summary>Categories are reference data: everyone reads them, only roles with settings rights (administrators) edit.</summary>
    private const string SettingsModule = "Settings";

    public static IServiceCollection AddCustomersModule(
        this IServiceCollection services, PermissionCatalog catalog, DomainEventTypes events, TimeSpan reminderInterval)
    {
        events.Register<UsersMentioned>("customers.users-mentioned");
        events.Register<TaskReminderDue>("customers.task-reminder-due");
        services.AddScoped<IDomainEventHandler<UsersMentioned>, NotifyMentionedUsers>();
        services.AddScoped<IDomainEventHandler<TaskReminderDue>, EmailTaskReminder>();
        services.AddSingleton<TaskReminders>();
        services.AddRecurringJob<TaskReminderJob>(TaskReminderJob.Key, reminderInterval);

        catalog.Register(Contacts, Name, isOwned: true);
        catalog.Register(Companies, Name, isOwned: true);
        catalog.Register(Activities, Name, isOwned: true);
        catalog.Register(Categories, SettingsModule);
        Kernel.Localization.ResourceNames.Register(CustomerText.M, Contacts, Companies, Activities, Categories);
        services.AddSingleton<IModelContributor, CustomersModel>();
        services.AddScoped<ResourceDefinition<Contact, ContactWrite, ContactView>, ContactResource>();
        services.AddScoped<ResourceDefinition<Company, CompanyWrite, CompanyView>, CompanyResource>();
        services.AddScoped<ResourceDefinition<Activity, ActivityWrite, ActivityView>, ActivityResource>();
        services.AddScoped<ResourceDefinition<CustomerCategory, CustomerCategoryWrite, CustomerCategoryView>, CustomerCategoryResource>();
        services.AddScoped<ITenantSeeder, CustomerCategorySeeder>();
        services.AddCustomFieldsFor(catalog, Contacts);
        services.AddCustomFieldsFor(catalog, Companies);
        services.AddListing<Contact, ContactWrite, ContactView, ContactColumns>();
        services.AddListing<Company, CompanyWrite, CompanyView, CompanyColumns>();
        services.AddScoped<CallerClock>();
        services.AddScoped<CustomerListFilters>();
        services.AddScoped<IListFilterPreparer<ContactFilter>>(sp => sp.GetRequiredService<CustomerListFilters>());
        services.AddScoped<IListFilterPreparer<CompanyFilter>>(sp => sp.GetRequiredService<CustomerListFilters>());
        services.AddListFilter<Contact, ContactWrite, ContactView, ContactFilter>(Contacts, ContactResource.Filter);
        services.AddListFilter<Company, CompanyWrite, CompanyView, CompanyFilter>(Companies, CompanyResource.Filter);
        services.AddScoped<IColumnSource<ContactView>>(_ => new CustomFieldColumns<ContactView>(Contacts, c => c.CustomFields));
        services.AddScoped<IColumnSource<CompanyView>>(_ => new CustomFieldColumns<CompanyView>(Companies, c => c.CustomFields));
        services.AddScoped<MyDay>();
        services.AddScoped<Overview>();
        services.AddScoped<Calendars>();
        services.AddScoped<ITimelineSource, ActivityTimelineSource>();
        services.AddScoped<ISearchProvider, ContactSearch>();
        services.AddScoped<ISearchProvider, CompanySearch>();
        services.AddScoped<ICliVerb, SeedDemoVerb>();
        services.AddScoped<Duplicates>();
        return services;
    }

    public static void MapCustomersEndpoints(this IEndpointRouteBuilder api)
    {
        const string tag = Name;
        var contacts = api.MapResource<Contact, ContactWrite, ContactView>(Contacts, tag, ResourceRoutes.All & ~ResourceRoutes.List);
        contacts.MapFilteredList<Contact, ContactWrite, ContactView, ContactFilter>("ListContacts", ContactResource.Filter,
            "List contacts: q searches names, emails, phones, national ID and tags (Persian-aware); filter by lifecycleStage (one or more, comma-separated), ownerId, unassigned, companyId (any of the contact's companies), categoryId, tag, source, hasEmail, hasPhone, createdFrom/createdTo and updatedFrom/updatedTo (ISO dates, whole days in the caller's time zone, or date-times), birthdayFrom/birthdayTo (MM-dd, wrapping past new year) or birthdays=next7|thisMonth|nextMonth (in the caller's calendar and time zone), province (Iranian province codes, one or more, comma-separated), city (whole name, Persian-aware) and country (ISO code) on any one address, and custom fields with cf.KEY=value (cf.KEY.gt/gte/lt/lte for numbers, money and dates); sort by lastName, firstName, createdAt, updatedAt, jobTitle, source, email, birthday, lifecycleStage (funnel order), owner (display name), category (the tenant's order), company (primary company's name) or cf.KEY, '-' for descending");
        contacts.MapCount<Contact, ContactWrite, ContactView, ContactFilter>("CountContacts", ContactResource.Filter,
            "How many contacts the list with the same q, filters and sort pages through for the caller; groupBy=lifecycleStage (every stage in funnel order), ownerId or categoryId (largest first; null: none) counts per value");
        contacts.MapDeletedList<Contact, ContactWrite, ContactView>("Contacts");
        contacts.MapBulk<Contact, ContactWrite, ContactView, ContactFilter>("Contact", ContactResource.Filter,
            "assignOwner, addTag, removeTag, changeStage, delete");
        contacts.MapExport<Contact, ContactWrite, ContactView, ContactFilter>("Contact", ContactResource.Filter);

        var companies = api.MapResource<Company, CompanyWrite, CompanyView>(Companies, tag, ResourceRoutes.All & ~ResourceRoutes.List);
        companies.MapFilteredList<Company, CompanyWrite, CompanyView, CompanyFilter>("ListCompanies", CompanyResource.Filter,
            "List companies: q searches names, IDs, phones, cities and tags (Persian-aware); filter by ownerId, unassigned, tag, industry, size (one or more, comma-separated; encode 1000+ as 1000%2B), parentCompanyId, categoryId, createdFrom/createdTo and updatedFrom/updatedTo (ISO dates, whole days in the caller's time zone, or date-times), province, city and country (as on contacts), and custom fields with cf.KEY (as on contacts); sort by name, createdAt, updatedAt, legalName, industry, size (smallest first), owner (display name), category or cf.KEY, '-' for descending");
        companies.MapCount<Company, CompanyWrite, CompanyView, CompanyFilter>("CountCompanies", CompanyResource.Filter,
            "How many companies the list with the same q, filters and sort pages through for the caller; groupBy=size (every size, smallest first), ownerId or categoryId (largest first; null: none) counts per value");
        companies.MapDeletedList<Company, CompanyWrite, CompanyView>("Companies");
        companies.MapBulk<Company, CompanyWrite, CompanyView, CompanyFilter>("Company", CompanyResource.Filter,
            "assignOwner, addTag, removeTag, delete");
        companies.MapExport<Company, CompanyWrite, CompanyView, CompanyFilter>("Company", CompanyResource.Filter);
        api.MapResource<CustomerCategory, CustomerCategoryWrite, CustomerCategoryView>(Categories, tag);
        api.MapCustomFieldEndpoints(tag);
        contacts.MapPost("/duplicates", async (ContactWrite body, Duplicates duplicates, CancellationToken ct) =>
                TypedResults.Ok(await duplicates.ForContactAsync(body, ct)))
            .WithName("FindContactDuplicates")
            .WithSummary("The contacts a would-be contact (the create body) may duplicate: same email, phone or national ID, or a very similar name at the same company; only records the caller may read")
            .WithStandardProblems();
        companies.MapPost("/duplicates", async (CompanyWrite body, Duplicates duplicates, CancellationToken ct) =>
                TypedResults.Ok(await duplicates.ForCompanyAsync(body, ct)))
            .WithName("FindCompanyDuplicates")
            .WithSummary("The companies a would-be company (the create body) may duplicate: same phone or national ID, or a very similar name; only records the caller may read")
            .WithStandardProblems();
        MapTimeline<Contact, ContactWrite, ContactView>(contacts, "contact", "Contact");
        MapTimeline<Company, CompanyWrite, CompanyView>(companies, "company", "Company");

        var activities = api.MapResource<Activity, ActivityWrite, ActivityView>(Activities, tag, ResourceRoutes.All & ~ResourceRoutes.List);
        activities.MapFilteredList<Activity, ActivityWrite, ActivityView, ActivityFilter>("ListActivities", ActivityResource.Filter,
            "List notes, tasks, calls and meetings; filter by kind, contactId, companyId, ownerId, open (unfinished tasks)");
        activities.MapCount<Activity, ActivityWrite, ActivityView, ActivityFilter>("CountActivities", ActivityResource.Filter,
            "How many activities the list with the same filters pages through for the caller; groupBy=kind or ownerId counts per value");
        activities.MapGet("/{id:guid}/calendar.ics", async (Guid id, Calendars calendars, CancellationToken ct) =>
                TypedResults.Text(await calendars.ForActivityAsync(id, ct), Calendars.ContentType))
            .WithName("GetActivityCalendar").WithSummary("A meeting or task as an iCalendar (.ics) file")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithStandardProblems(byId: true);
        activities.MapPost("/calendar-feed", async (Calendars calendars, HttpRequest request, CancellationToken ct) =>
                TypedResults.Ok(await calendars.NewFeedAsync($"{request.Scheme}://{request.Host}{request.PathBase}", ct)))
            .WithName("CreateCalendarFeed")
            .WithSummary("A new private iCalendar feed link of the caller's meetings and tasks (the previous link stops working)")
            .WithStandardProblems();
        activities.MapGet("/my-day", async (MyDay myDay, CancellationToken ct) => TypedResults.Ok(await myDay.HandleAsync(ct)))
            .WithName("GetMyDay").WithSummary("The caller's open tasks due today or overdue, soonest first")
            .WithStandardProblems();
        api.MapGet("/overview", async (Overview overview, CancellationToken ct) => TypedResults.Ok(await overview.GetAsync(ct)))
            .WithTags(tag).WithName("GetOverview")
            .WithSummary("The caller's home overview: contacts and companies they may read (total, theirs, without an owner, new in the last seven days of their time zone — the list's createdFrom=newSince —, contacts by stage in funnel order) and their overdue and due-today tasks; a section they may not read is null")
            .WithStandardProblems();
    }

    /// <summary>The private calendar feed: the link is the credential, so it lives outside the API-key-only /api/v1.</summary>
    public static void MapCustomersPublicEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, Calendars calendars, CancellationToken ct) =>
                await calendars.FeedAsync(token, ct) is { } ics ? Results.Text(ics, Calendars.ContentType) : Results.NotFound())
            .ExcludeFromDescription()
            .RequireRateLimiting(ApiConventions.RateLimitPolicy);

    // GET /{id}/timeline: the record must be visible to the caller; then every module's items about it, newest first.
    private static void MapTimeline<TEntity, TWrite, TView>(RouteGroupBuilder group, string linkType, string singular)
        where TEntity : class, Kernel.Domain.ITracked
        where TWrite : class
    {
        group.MapGet("/{id:guid}/timeline", async (Guid id, string? types, DateTime? before, int? limit,
                    ResourceService<TEntity, TWrite, TView> records, RecordTimeline timeline, CancellationToken ct) =>
                {
                    await records.GetAsync(id, ct);
                    return TypedResults.Ok(await timeline.ForAsync(linkType, id, types, before, limit, ct));
                })
            .WithName($"Get{singular}Timeline")
            .WithSummary($"The {linkType}'s touchpoints newest first: activities, field changes and other modules' events; filter with types=note,task,…; page with before")
            .WithStandardProblems(byId: true);
    }
}
