using System.Net;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.Telemetry.Tests;

/// <summary>What an SRE's dashboard sees when traffic flows: the counters move where the platform does the work.</summary>
[Collection(TracedPlatformGroup.Name)]
public sealed partial class Counting_a_conversation(TracedPlatform platform)
{
    private const string Customer = "4915123456789";

    [Fact]
    public async Task Should_count_the_refusal_the_acceptance_and_every_status_of_a_reply()
    {
        var before = await ScrapeAsync();
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();

        await tenant.Client.PostAsync("/v1/messages", new { from = number, to = Customer, type = "text", text = new { body = "Too early" } }, HttpStatusCode.UnprocessableEntity);
        await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = Customer, text = "hi" }, HttpStatusCode.Accepted);
        var accepted = await Eventually.GetValueAsync(async () =>
        {
            var response = await tenant.Client.PostAsync("/v1/messages", new { from = number, to = Customer, type = "text", text = new { body = "Hello!" } });
            return response.StatusCode == HttpStatusCode.Accepted ? await PlatformClient.ExpectAsync(response, HttpStatusCode.Accepted) : (System.Text.Json.JsonElement?)null;
        });
        await tenant.WaitForStatusAsync(accepted.GetProperty("id").GetString()!, "read");

        var after = await Eventually.GetAsync(async () =>
        {
            var metrics = await ScrapeAsync();
            return Sum(metrics, "platform_messages_read") > Sum(before, "platform_messages_read") ? metrics : null;
        });
        Assert.True(Sum(after, "platform_messages_refused", "code=\"window_closed\"") > Sum(before, "platform_messages_refused", "code=\"window_closed\""));
        foreach (var counter in new[] { "platform_messages_accepted", "platform_messages_sent", "platform_messages_delivered" })
        {
            Assert.True(Sum(after, counter) > Sum(before, counter), $"{counter} did not move.");
        }

        Assert.DoesNotContain(Customer, after, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.Id, after, StringComparison.Ordinal);
    }

    private async Task<string> ScrapeAsync()
    {
        using var client = platform.CreateClient();
        return await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }

    // Adds up the samples of a counter (any suffix Prometheus gives it, such as _total), optionally only the series with a label.
    private static double Sum(string scrape, string metric, string? label = null) =>
        Sample().Matches(scrape)
            .Where(match => match.Groups["name"].Value.StartsWith(metric, StringComparison.Ordinal) && !match.Groups["name"].Value.EndsWith("_bucket", StringComparison.Ordinal))
            .Where(match => label is null || match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(match => double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
