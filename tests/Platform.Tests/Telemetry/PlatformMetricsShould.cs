using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults;

namespace Platform.Tests.Telemetry;

/// <summary>
/// The platform's instruments, read with a <see cref="MeterListener"/> (no host needed). Kept out of the telemetry tests'
/// process: disposing this second meter named "Platform" there ended the host's series in its Prometheus exporter.
/// </summary>
public sealed class PlatformMetricsShould : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<PlatformMetrics>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public PlatformMetricsShould()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlatformTelemetry.Name && instrument.Meter.Scope == _services.GetRequiredService<IMeterFactory>())
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private PlatformMetrics Metrics => _services.GetRequiredService<PlatformMetrics>();

    [Fact]
    public void Count_refusals_by_their_problem_code()
    {
        Metrics.MessageRefused("window_closed");

        var (instrument, value, tags) = Assert.Single(_measurements);
        Assert.Equal("platform.messages.refused", instrument);
        Assert.Equal(1, value);
        Assert.Equal("window_closed", tags["code"]);
    }

    [Fact]
    public void Record_the_send_latency_with_the_sent_count()
    {
        Metrics.MessageSent("sandbox", TimeSpan.FromMilliseconds(250));

        Assert.Equal(["platform.messages.sent", "platform.messages.send.duration"], _measurements.Select(m => m.Instrument));
        Assert.Equal(0.25, _measurements[1].Value);
        Assert.Equal("sent", _measurements[1].Tags["outcome"]);
        Assert.Equal("sandbox", _measurements[1].Tags["channel"]);
    }

    [Theory]
    [InlineData("+4915123456789")]
    [InlineData("4915123456789")]
    [InlineData("ten_01M8A7BSHC06SYAE780FWWM4CB")]
    [InlineData("Customer said: my order is late")]
    public void Never_label_a_series_with_a_phone_number_an_id_or_text(string leaked)
    {
        Metrics.MessageFailed("sandbox", leaked);

        Assert.Equal(MetricTags.Other, Assert.Single(_measurements).Tags["code"]);
    }

    [Fact]
    public void Keep_metas_numeric_error_codes()
    {
        Metrics.MessageFailed("cloud_api", "131047");

        Assert.Equal("131047", Assert.Single(_measurements).Tags["code"]);
    }

    [Fact]
    public void Group_http_status_codes_into_classes()
    {
        Metrics.TenantWebhookAttempt(succeeded: false, statusCode: 503);
        Metrics.TenantWebhookAttempt(succeeded: false, statusCode: null);

        Assert.Equal(["5xx", "none"], _measurements.Select(m => m.Tags["status_code"]));
        Assert.All(_measurements, m => Assert.Equal("failure", m.Tags["outcome"]));
    }

    [Fact]
    public void Report_the_latest_unpushed_usage_count()
    {
        Metrics.SetUnpushedUsage(42);
        _listener.RecordObservableInstruments();

        var (instrument, value, _) = Assert.Single(_measurements);
        Assert.Equal("platform.billing.usage.unpushed", instrument);
        Assert.Equal(42, value);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
}
