using System.Net;
using Microsoft.Extensions.Options;
using Platform.Billing.Ledger;
using Stripe;
using Stripe.Billing;

namespace Platform.Billing.StripeSync;

/// <summary>
/// Every call we make to Stripe, through the one <see cref="IStripeClient"/> built from options. Each mutating call
/// carries an idempotency key derived from what it creates, so a retry, whenever it comes, asks for the same thing.
/// </summary>
public sealed class StripeGateway(IOptions<StripeOptions> options, IServiceProvider services)
{
    private readonly IStripeClient? _client = options.Value.Enabled ? services.GetService(typeof(IStripeClient)) as IStripeClient : null;

    public bool Enabled => _client is not null;

    public async Task<PushOutcome> PushAsync(MeterPush push, CancellationToken cancellationToken)
    {
        var service = new MeterEventService(Client);
        try
        {
            var created = await service.CreateAsync(
                new MeterEventCreateOptions
                {
                    EventName = push.EventName,
                    Identifier = push.Identifier,
                    Timestamp = push.Timestamp.UtcDateTime,
                    Payload = new Dictionary<string, string>
                    {
                        ["stripe_customer_id"] = push.CustomerId ?? throw new InvalidOperationException("Only a group with a customer is pushed."),
                        ["value"] = push.Units.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                },
                new RequestOptions { IdempotencyKey = push.Identifier },
                cancellationToken);
            return new PushOutcome(PushOutcomeKind.Accepted, new DateTimeOffset(DateTime.SpecifyKind(created.Created, DateTimeKind.Utc)));
        }
        // 409: a concurrent request with the same idempotency key is still in flight (another meter replica); ask again later.
        catch (StripeException failed) when (failed.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)failed.HttpStatusCode >= 500)
        {
            return new PushOutcome(PushOutcomeKind.Retry, Error: $"{(int)failed.HttpStatusCode}: {failed.Message}", RetryAfter: RetryAfter(failed));
        }
        catch (StripeException failed) when (IsDuplicateIdentifier(failed))
        {
            return new PushOutcome(PushOutcomeKind.AlreadyRecorded, Error: failed.Message);
        }
        catch (StripeException failed) when ((int)failed.HttpStatusCode is >= 400 and < 500)
        {
            return new PushOutcome(PushOutcomeKind.Refused, Error: $"{(int)failed.HttpStatusCode}: {failed.StripeError?.Code} {failed.Message}");
        }
        catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException or StripeException && !cancellationToken.IsCancellationRequested)
        {
            return new PushOutcome(PushOutcomeKind.Retry, Error: failed.Message);
        }
    }

    /// <summary>Creates the tenant's customer; the idempotency key is the tenant id, so onboarding twice creates one.</summary>
    public async Task<string> CreateCustomerAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var customer = await new CustomerService(Client).CreateAsync(
            new CustomerCreateOptions { Name = name, Metadata = new Dictionary<string, string> { ["tenant_id"] = tenantId } },
            new RequestOptions { IdempotencyKey = $"customer-{tenantId}" },
            cancellationToken);
        return customer.Id;
    }

    public async Task<IReadOnlyList<InvoiceSummary>> ListInvoicesAsync(string customerId, int limit, CancellationToken cancellationToken)
    {
        var invoices = await new InvoiceService(Client).ListAsync(new InvoiceListOptions { Customer = customerId, Limit = limit }, cancellationToken: cancellationToken);
        return invoices.Data.Select(invoice => new InvoiceSummary(
            invoice.Id,
            invoice.Number,
            invoice.Status,
            invoice.Currency,
            invoice.Total,
            Utc(invoice.PeriodStart),
            Utc(invoice.PeriodEnd),
            invoice.HostedInvoiceUrl)).ToList();
    }

    internal IStripeClient Client => _client ?? throw new InvalidOperationException("Stripe is off: set Stripe__ApiKey.");

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    // Stripe refuses a second event with an identifier it still remembers; our identifiers are unique per push, so the
    // event it holds is this push's own earlier attempt.
    private static bool IsDuplicateIdentifier(StripeException failed) =>
        failed.HttpStatusCode == HttpStatusCode.BadRequest
        && (failed.StripeError?.Code == "resource_already_exists"
            || (failed.StripeError?.Param == "identifier" && failed.Message.Contains("already", StringComparison.OrdinalIgnoreCase)));

    private static TimeSpan? RetryAfter(StripeException failed) =>
        failed.StripeResponse?.Headers?.RetryAfter?.Delta;
}
