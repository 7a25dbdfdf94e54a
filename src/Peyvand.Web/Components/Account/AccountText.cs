namespace Peyvand.Web.Components.Account;

/// <summary>Marker for the account pages' strings (AccountText.resx, AccountText.fa.resx).</summary>
public sealed class AccountText;
