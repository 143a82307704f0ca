namespace Platform.Deployment.Tests;

/// <summary>
/// The chart and the compose file set exactly the configuration keys the hosts read: a renamed option, section or
/// connection string fails here instead of silently falling back to a default in production.
/// </summary>
public sealed class The_configuration_keys
{
    [Fact]
    public void Should_be_read_by_the_host_for_every_variable_the_chart_gives_it() =>
        Assert.DoesNotContain(Chart.EnvironmentOf("host"), name => !Deployables.Accepts(Deployables.Host, Deployables.PendingHostKeys, Wildcard(name)));

    [Fact]
    public void Should_be_read_by_billing_for_every_variable_the_chart_gives_it() =>
        Assert.DoesNotContain(Chart.EnvironmentOf("billing"), name => !Deployables.Accepts(Deployables.Billing, Deployables.PendingBillingKeys, Wildcard(name)));

    [Fact]
    public void Should_be_read_by_a_host_for_every_key_of_the_chart_created_secret() =>
        Assert.DoesNotContain(Chart.SecretKeys(), name =>
            !Deployables.Accepts(Deployables.Host, Deployables.PendingHostKeys, Wildcard(name))
            && !Deployables.Accepts(Deployables.Billing, Deployables.PendingBillingKeys, Wildcard(name)));

    [Fact]
    public void Should_give_the_host_every_setting_it_refuses_to_start_without()
    {
        var environment = Chart.EnvironmentOf("host");

        Assert.Superset(
            new SortedSet<string> { "ConnectionStrings__AzureStorage", "ConnectionStrings__RabbitMq", "Platform__OperatorKey", "Secrets__ActiveKeyId", "Secrets__Keys__" + GoTemplateSkeleton.Action },
            environment);
        Assert.Superset(new SortedSet<string> { "POD_NAME", "POD_NAMESPACE", "Orleans__AdvertisedIPAddress", "Orleans__ClusterId", "Orleans__ServiceId" }, environment);
    }

    [Fact]
    public void Should_put_each_secret_only_into_the_deployable_that_reads_it()
    {
        var billing = Chart.EnvironmentOf("billing");

        Assert.DoesNotContain("Platform__OperatorKey", billing);
        Assert.DoesNotContain("WhatsApp__AppSecret", billing);
        Assert.DoesNotContain(billing, name => name.StartsWith("Secrets__Keys__", StringComparison.Ordinal));
        Assert.Contains("Stripe__ApiKey", billing);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("billing")]
    public void Should_be_read_by_the_deployable_for_every_variable_of_the_compose_file(string service)
    {
        var (reads, pending) = service == "host"
            ? (Deployables.Host, Deployables.PendingHostKeys)
            : (Deployables.Billing, Deployables.PendingBillingKeys);

        var names = Compose.EnvironmentOf(service);

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, name => !Deployables.Accepts(reads, pending, name));
    }

    [Fact]
    public void Should_all_be_documented_for_operators()
    {
        var operations = Repository.Read("docs", "operations.md");
        var names = Chart.EnvironmentOf("host").Concat(Chart.EnvironmentOf("billing"))
            .Select(name => name.Replace(GoTemplateSkeleton.Action, "<id>", StringComparison.Ordinal));

        Assert.DoesNotContain(names, name => !operations.Contains($"`{name}`", StringComparison.Ordinal));
    }

    /// <summary>A name built from a value stands for any sub-key: <c>Secrets__Keys__ACTION</c> is <c>Secrets__Keys__k1</c>.</summary>
    private static string Wildcard(string name) => name.Replace(GoTemplateSkeleton.Action, "any", StringComparison.Ordinal);
}
