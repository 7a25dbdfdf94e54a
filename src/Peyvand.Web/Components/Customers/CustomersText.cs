namespace Peyvand.Web.Components.Customers;

/// <summary>Marker for the customer pages' strings (CustomersText.resx, CustomersText.fa.resx).</summary>
public sealed class CustomersText;
