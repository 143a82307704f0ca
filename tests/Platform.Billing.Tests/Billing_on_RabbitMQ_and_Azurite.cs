using System.Net;
using System.Text.Json;
using Platform.Billing.Pricing;
using Platform.Testing;

namespace Platform.Billing.Tests;

/// <summary>
/// The host and the billing service as separate processes on one RabbitMQ and one Azurite, as deployed. Stripe fails
/// twice, then accepts a push and never answers; the billing service is killed right then, while more messages queue up;
/// restarted, it finishes the push it started and bills the rest: Stripe ends up with each message exactly once.
/// </summary>
public sealed class Billing_on_RabbitMQ_and_Azurite : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeStripe _stripe = new(MessageCategories.All.Select(c => $"whatsapp_{c}"));

    public Task InitializeAsync() => _stripe.StartAsync();

    public ValueTask DisposeAsync() => _stripe.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => _stripe.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_bill_each_message_once_through_Stripe_failures_and_a_killed_billing_service()
    {
        var environment = await BillingEnvironment.IsolatedAsync("billing", _stripe.Url);
        var billing = await PlatformProcess.StartAsync("Platform.Billing", environment);
        await using var host = await PlatformProcess.StartAsync("Platform.Host", environment);
        try
        {
            var @operator = new PlatformClient(host.Http, RealServices.OperatorKey);
            await @operator.PostAsync("/partner/v1/price-plans", new { id = "per-reply", name = "Per reply", currency = "USD", fees = new { service = "0.0100" } }, HttpStatusCode.Created);
            var tenant = await Onboarding.CreateTenantAsync(@operator, "Billed on RabbitMQ");
            await PutAsync(host, $"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = "per-reply" });
            await Eventually.GetValueAsync<JsonElement>(async () =>
            {
                var account = await @operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/billing", HttpStatusCode.OK);
                return account.GetProperty("stripe_customer_id").ValueKind == JsonValueKind.String ? account : null;
            }, TimeSpan.FromSeconds(60));
            var number = await tenant.AddSandboxNumberAsync();

            var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _stripe.AcceptedAndHanging += _ => hanging.TrySetResult();
            _stripe.HangTime = TimeSpan.FromSeconds(60);
            _stripe.FailNext(FakeStripe.Failure.ServerError, 2);
            _stripe.FailNext(FakeStripe.Failure.AcceptThenHang);

            await ReplyToCustomersAsync(tenant, number, first: 0, count: 6);
            await hanging.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await billing.KillAsync();
            await ReplyToCustomersAsync(tenant, number, first: 6, count: 4);
            await billing.DisposeAsync();
            billing = await PlatformProcess.StartAsync("Platform.Billing", environment);

            var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var line = await Eventually.GetValueAsync<JsonElement>(async () =>
            {
                var report = await @operator.GetAsync($"/partner/v1/reconciliation?tenant_id={tenant.Id}&from={today}&to={today}", HttpStatusCode.OK);
                return report.GetProperty("lines").EnumerateArray().FirstOrDefault(l => l.GetProperty("pushed_amount").GetString() == "0.1000") is { ValueKind: JsonValueKind.Object } found ? found : null;
            }, TimeSpan.FromSeconds(150));

            Assert.Equal((10, "0.1000", "0.0000"), (line.GetProperty("messages").GetInt32(), line.GetProperty("ledger_amount").GetString(), line.GetProperty("difference").GetString()));
            Assert.Equal(1_000L, _stripe.Sums().GetValueOrDefault((tenant.Id, "whatsapp_service")));
            Assert.Equal(0, _stripe.RefusedDuplicates);
        }
        catch (Exception failure) when (failure is TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{failure.Message}{Environment.NewLine}--- billing ---{Environment.NewLine}{billing.Log}{Environment.NewLine}--- host ---{Environment.NewLine}{host.Log}", failure);
        }
        finally
        {
            await billing.DisposeAsync();
        }
    }

    private static async Task ReplyToCustomersAsync(Tenant tenant, string number, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var customer = $"4477009001{i:D2}";
            await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = customer, text = "Where is my order?" }, HttpStatusCode.Accepted);
            await Eventually.GetValueAsync<JsonElement>(async () =>
            {
                var response = await tenant.Client.PostAsync("/v1/messages", new { from = number, to = customer, type = "text", text = new { body = "It ships today." } });
                return response.StatusCode == HttpStatusCode.Accepted ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
            });
        }
    }

    private static async Task PutAsync(PlatformProcess host, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RealServices.OperatorKey);
        await PlatformClient.ExpectAsync(await host.Http.SendAsync(request), HttpStatusCode.OK);
    }
}
