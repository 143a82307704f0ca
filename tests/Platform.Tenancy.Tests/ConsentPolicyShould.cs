using Platform.Grains.Contacts;

namespace Platform.Tenancy.Tests;

/// <summary>How consent changes move a contact's consent, without a cluster.</summary>
public sealed class ConsentPolicyShould
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Let_an_opt_in_lift_a_full_opt_out()
    {
        var (consent, _) = ConsentPolicy.Apply(new ConsentSnapshot(false, true, false, null), null, Change(ConsentKinds.OptIn, ConsentSources.Keyword));

        Assert.Equal(new ConsentSnapshot(true, false, false, At), consent);
    }

    [Fact]
    public void Keep_metas_marketing_stop_through_an_opt_in_until_meta_resumes()
    {
        var (stopped, source) = ConsentPolicy.Apply(ConsentSnapshot.Unknown, null, Change(ConsentKinds.OptOutMarketing, ConsentSources.Meta));
        var (optedIn, stillMeta) = ConsentPolicy.Apply(stopped, source, Change(ConsentKinds.OptIn, ConsentSources.Api));
        var (resumed, none) = ConsentPolicy.Apply(optedIn, stillMeta, Change(ConsentKinds.ResumeMarketing, ConsentSources.Meta));

        Assert.True(optedIn.MarketingOptedOut);
        Assert.Equal(ConsentSources.Meta, stillMeta);
        Assert.Equal(new ConsentSnapshot(true, false, false, At), resumed);
        Assert.Null(none);
    }

    [Fact]
    public void Let_an_opt_in_lift_a_marketing_stop_the_tenant_recorded()
    {
        var (stopped, source) = ConsentPolicy.Apply(ConsentSnapshot.Unknown, null, Change(ConsentKinds.OptOutMarketing, ConsentSources.Api));
        var (optedIn, _) = ConsentPolicy.Apply(stopped, source, Change(ConsentKinds.OptIn, ConsentSources.Api));

        Assert.False(optedIn.MarketingOptedOut);
    }

    [Fact]
    public void Withdraw_the_opt_in_on_a_full_opt_out_and_keep_a_marketing_stop()
    {
        var (consent, source) = ConsentPolicy.Apply(new ConsentSnapshot(true, false, true, null), ConsentSources.Meta, Change(ConsentKinds.OptOut, ConsentSources.Keyword));

        Assert.Equal(new ConsentSnapshot(false, true, true, At), consent);
        Assert.Equal(ConsentSources.Meta, source);
    }

    private static ConsentChange Change(string kind, string source) => new(kind, source, null, At);
}
