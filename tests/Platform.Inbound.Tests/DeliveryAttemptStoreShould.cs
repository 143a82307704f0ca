using Microsoft.Extensions.Options;
using Platform.Grains.Deliveries;

namespace Platform.Inbound.Tests;

/// <summary>The attempt log's keys, paging and trimming, without a silo (the embedded store; the table store uses the same keys).</summary>
public sealed class DeliveryAttemptStoreShould
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly WebhookDeliveryKey Endpoint = new("ten_1", "whe_1");

    [Fact]
    public void SortNewerAttemptsFirst()
    {
        var older = DeliveryAttemptKeys.Row(Attempt("dlv_b", 1, Start));
        var newer = DeliveryAttemptKeys.Row(Attempt("dlv_a", 2, Start.AddMilliseconds(1)));

        Assert.True(string.CompareOrdinal(newer, older) < 0);
    }

    [Fact]
    public void ReadBackItsOwnCursorsOnly()
    {
        var row = DeliveryAttemptKeys.Row(Attempt("dlv_a", 1, Start));

        Assert.Equal(row, DeliveryAttemptKeys.RowKey(DeliveryAttemptKeys.Cursor(row)));
        Assert.Null(DeliveryAttemptKeys.RowKey("bm90LW91cnM"));
        Assert.Null(DeliveryAttemptKeys.RowKey("%%%"));
    }

    [Fact]
    public async Task PageNewestFirstUntilTheLastPageHasNoCursor()
    {
        var store = Store(new WebhookDeliveryOptions(), Start.AddMinutes(5));
        for (var i = 1; i <= 5; i++)
        {
            store.Record(Endpoint, Attempt("dlv_a", i, Start.AddSeconds(i)));
        }

        var first = await store.ListAsync(Endpoint, new DeliveryAttemptQuery(2), CancellationToken.None);
        var second = await store.ListAsync(Endpoint, new DeliveryAttemptQuery(2, first.NextCursor), CancellationToken.None);
        var last = await store.ListAsync(Endpoint, new DeliveryAttemptQuery(2, second.NextCursor), CancellationToken.None);

        Assert.Equal([5, 4, 3, 2, 1], first.Attempts.Concat(second.Attempts).Concat(last.Attempts).Select(attempt => attempt.Number));
        Assert.Null(last.NextCursor);
    }

    [Fact]
    public async Task ForgetAttemptsBeyondTheCountAndOlderThanTheRetention()
    {
        var options = new WebhookDeliveryOptions { MaxAttemptsPerEndpoint = 3, AttemptRetention = TimeSpan.FromDays(7) };
        var store = Store(options, Start.AddDays(8));
        store.Record(Endpoint, Attempt("dlv_old", 1, Start));
        for (var i = 1; i <= 4; i++)
        {
            store.Record(Endpoint, Attempt("dlv_new", i, Start.AddDays(7.5).AddSeconds(i)));
        }

        var page = await store.ListAsync(Endpoint, new DeliveryAttemptQuery(10), CancellationToken.None);

        Assert.Equal([4, 3, 2], page.Attempts.Select(attempt => attempt.Number));
        Assert.All(page.Attempts, attempt => Assert.Equal("dlv_new", attempt.DeliveryId));
    }

    private static InMemoryDeliveryAttemptStore Store(WebhookDeliveryOptions options, DateTimeOffset now) =>
        new(Options.Create(options), new FixedTime(now));

    private static DeliveryAttempt Attempt(string deliveryId, int number, DateTimeOffset at) =>
        new(deliveryId, "evt_1", "message.received", number, at, 503, 12, DeliveryOutcomes.Failed, null);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
