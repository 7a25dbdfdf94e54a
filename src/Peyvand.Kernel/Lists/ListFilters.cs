using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Resources;

namespace Peyvand.Kernel.Lists;

/// <summary>
/// Turns a list filter as the caller gave it into the one the query applies: values relative to the caller (a birthday
/// window "this month", a date-only bound read in their time zone) become absolute ones. The list, export and bulk
/// routes and the UI all call it before the filter, so one request reads the same rows through every door.
/// </summary>
public interface IListFilterPreparer<TFilter>
    where TFilter : class
{
    Task<TFilter> PrepareAsync(TFilter filter, CancellationToken cancellationToken);
}

/// <summary>Checks a list's filters given by name (a saved view's <c>filters</c>) exactly as its list route would read them.</summary>
public interface IListFilterCheck
{
    string Entity { get; }

    /// <summary>Field errors (keyed <c>filters.NAME</c>) for unknown names and values the list route would refuse.</summary>
    Task CheckAsync(IReadOnlyDictionary<string, string> filters, IDictionary<string, List<string>> errors, CancellationToken cancellationToken);
}

/// <summary>
/// A list's filter record read from query parameters by name, as the list route binds it: each constructor parameter is
/// one camelCase parameter (strings as given, GUIDs, booleans, numbers). Names it does not know are left to the caller.
/// </summary>
public static class ListFilterParameters
{
    public static IReadOnlyList<string> Names<TFilter>() => Constructor<TFilter>().GetParameters().Select(p => CamelCase(p.Name!)).ToList();

    public static TFilter Bind<TFilter>(IReadOnlyDictionary<string, string> values, IDictionary<string, List<string>>? errors = null)
    {
        var parameters = Constructor<TFilter>().GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = CamelCase(parameters[i].Name!);
            arguments[i] = values.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text)
                ? Read(text.Trim(), parameters[i].ParameterType, name, errors)
                : parameters[i].HasDefaultValue ? parameters[i].DefaultValue : null;
        }
        return (TFilter)Constructor<TFilter>().Invoke(arguments);
    }

    private static object? Read(string text, Type type, string name, IDictionary<string, List<string>>? errors)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        object? value = target == typeof(string) ? text
            : target == typeof(Guid) ? (Guid.TryParse(text, out var id) ? id : null)
            : target == typeof(bool) ? (bool.TryParse(text, out var flag) ? flag : null)
            : target == typeof(int) ? (int.TryParse(Digits.ToAscii(text), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null)
            : null;
        if (value is null && errors is not null)
            Validation.Add(errors, name, ApiText.Invalid);
        return value;
    }

    private static ConstructorInfo Constructor<TFilter>() =>
        typeof(TFilter).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>The saved-view check of one list: its filter record, its preparer and filter, and its custom fields.</summary>
public sealed class ListFilterCheck<TEntity, TWrite, TView, TFilter>(
    string entity, Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> filter, IServiceProvider services) : IListFilterCheck
    where TEntity : class, ITracked
    where TWrite : class
    where TFilter : class
{
    public string Entity => entity;

    public async Task CheckAsync(IReadOnlyDictionary<string, string> filters, IDictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<string>>();
        var known = ListFilterParameters.Names<TFilter>().ToHashSet();
        foreach (var name in filters.Keys.Where(k => !known.Contains(k) && !k.StartsWith(CustomFieldQuery.Prefix, StringComparison.Ordinal)))
            Validation.Add(found, name, ApiText.UnknownField);
        var bound = ListFilterParameters.Bind<TFilter>(filters, found);
        if (found.Count == 0)
        {
            var definition = services.GetRequiredService<ResourceDefinition<TEntity, TWrite, TView>>();
            var rows = Enumerable.Empty<TEntity>().AsQueryable();
            try
            {
                if (services.GetService<IListFilterPreparer<TFilter>>() is { } preparer)
                    bound = await preparer.PrepareAsync(bound, cancellationToken);
                // Building the query reads every value (it does not run: the rows are an empty list).
                filter(rows, bound);
                var custom = filters.Where(f => f.Key.StartsWith(CustomFieldQuery.Prefix, StringComparison.Ordinal))
                    .Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)).ToList();
                if (custom.Count > 0)
                {
                    await definition.PrepareAsync(services.GetRequiredService<Data.PeyvandDbContext>(), cancellationToken);
                    definition.FilterByParameters(rows, custom);
                }
            }
            catch (InvalidInputException ex)
            {
                foreach (var (name, messages) in ex.Errors)
                    foreach (var message in messages)
                        Validation.Add(found, name, message);
            }
        }
        foreach (var (name, messages) in found)
            foreach (var message in messages)
                Validation.Add(errors, "filters." + name, message);
    }
}

public static class ListFilterSetup
{
    /// <summary>Registers a list's filter for saved-view checks (and, when given, its preparer).</summary>
    public static IServiceCollection AddListFilter<TEntity, TWrite, TView, TFilter>(
        this IServiceCollection services, string entity, Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> filter)
        where TEntity : class, ITracked
        where TWrite : class
        where TFilter : class =>
        services.AddScoped<IListFilterCheck>(sp => new ListFilterCheck<TEntity, TWrite, TView, TFilter>(entity, filter, sp));

    /// <summary>The filter as the query applies it: prepared by the list's <see cref="IListFilterPreparer{TFilter}"/>, if any.</summary>
    public static async Task<TFilter> PrepareFilterAsync<TFilter>(this IServiceProvider services, TFilter filter, CancellationToken cancellationToken)
        where TFilter : class =>
        services.GetService<IListFilterPreparer<TFilter>>() is { } preparer ? await preparer.PrepareAsync(filter, cancellationToken) : filter;
}
