namespace Platform.Deployment.Tests;

public sealed class The_rendered_config_map
{
    [Fact]
    public void Should_carry_the_default_values_under_the_hosts_keys()
    {
        var host = RenderedConfigMap.Of("host");

        Assert.Equal("Production", host["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("platform", host["Orleans__ClusterId"]);
        Assert.Equal("11111", host["Orleans__SiloPort"]);
        Assert.Equal("k1", host["Secrets__ActiveKeyId"]);
        Assert.Equal("false", host["Webhooks__AllowPrivateTargets"]);
        Assert.Equal("100", host["DOTNET_shutdownTimeoutSeconds"]);
        Assert.Equal("platform-host", host["OTEL_SERVICE_NAME"]);
        Assert.False(host.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "no collector is configured by default");
        Assert.False(host.ContainsKey("WhatsApp__GraphApiBase"), "empty means Meta's own Graph URL");
    }

    [Fact]
    public void Should_give_billing_only_its_own_settings()
    {
        var billing = RenderedConfigMap.Of("billing");

        Assert.Equal("45", billing["DOTNET_shutdownTimeoutSeconds"]);
        Assert.Equal("platform-billing", billing["OTEL_SERVICE_NAME"]);
        Assert.DoesNotContain(billing.Keys, key => key.StartsWith("Orleans__", StringComparison.Ordinal));
    }
}
