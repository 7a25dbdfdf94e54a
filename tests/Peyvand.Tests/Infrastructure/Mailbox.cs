namespace Peyvand.Tests.Infrastructure;

/// <summary>
/// The SMTP sink's Maildir that test.sh starts (aiosmtpd): every message sent by the app lands here.
/// Shared by the integration and browser tests (the E2E project links this file).
/// </summary>
public static class Mailbox
{
    public static string? Folder => Environment.GetEnvironmentVariable("PEYVAND_TEST_MAILDIR") is { } dir ? Path.Combine(dir, "new") : null;

    public static void Require()
    {
        if (Folder is null)
            Assert.Skip("PEYVAND_TEST_MAILDIR is not set; ./test.sh starts an SMTP sink and sets it.");
    }

    /// <summary>Waits for messages to <paramref name="address"/>.</summary>
    public static async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        Require();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = MessagesTo(address);
            if (found.Count >= count || DateTime.UtcNow > deadline)
                return found;
            await Task.Delay(200);
        }
    }

    /// <summary>The first message to <paramref name="address"/>; fails the test when none arrives in time.</summary>
    public static async Task<MimeKit.MimeMessage> FirstToAsync(string address) =>
        await WaitForAsync(address) is [var first, ..] ? first
            : throw new TimeoutException($"No email to {address} reached the SMTP sink in 20 s.");

    public static IReadOnlyList<MimeKit.MimeMessage> MessagesTo(string address) =>
        Directory.EnumerateFiles(Folder!)
            .Select(file => MimeKit.MimeMessage.Load(file))
            .Where(m => m.To.Mailboxes.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
}
