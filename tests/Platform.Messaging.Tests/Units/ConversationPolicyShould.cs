using Platform.Grains.Contacts;
using Platform.Grains.Conversations;
using Platform.Grains.Templates;

namespace Platform.Messaging.Tests.Units;

public class ConversationPolicyShould
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConsentSnapshot OptedIn = new(true, false, false, Now.AddDays(-10));

    [Fact]
    public void Refuse_a_template_without_an_opt_in()
    {
        Assert.Equal("consent_required", Decide(Template("UTILITY"), ConsentSnapshot.Unknown)?.Code);
    }

    [Fact]
    public void Allow_an_approved_template_to_an_opted_in_customer_outside_the_window()
    {
        Assert.Null(Decide(Template("UTILITY"), OptedIn));
    }

    [Theory]
    [InlineData("PENDING")]
    [InlineData("REJECTED")]
    [InlineData("PAUSED")]
    [InlineData("DISABLED")]
    public void Refuse_a_template_that_is_not_approved(string status)
    {
        Assert.Equal("template_not_approved", Decide(Template("UTILITY", status), OptedIn)?.Code);
    }

    [Fact]
    public void Refuse_a_template_that_does_not_exist()
    {
        var refusal = ConversationPolicy.DecideSend(new SendFacts(new ConversationState(), Now, OptedIn, true, "missing", "en_US"));

        Assert.Equal("template_not_approved", refusal?.Code);
        Assert.Contains("'missing'", refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_parameters_that_do_not_fit()
    {
        var refusal = ConversationPolicy.DecideSend(new SendFacts(new ConversationState(), Now, OptedIn, true, "t", "en_US", Template("UTILITY"), "expects 2"));

        Assert.Equal("template_parameters", refusal?.Code);
    }

    [Fact]
    public void Refuse_every_template_after_an_opt_out()
    {
        var optedOut = new ConsentSnapshot(false, true, false, Now.AddHours(-1));

        Assert.Equal("opted_out", Decide(Template("UTILITY"), optedOut)?.Code);
    }

    [Fact]
    public void Refuse_only_marketing_templates_after_a_marketing_opt_out()
    {
        var marketingOut = OptedIn with { MarketingOptedOut = true };

        Assert.Equal("opted_out", Decide(Template("MARKETING"), marketingOut)?.Code);
        Assert.Null(Decide(Template("UTILITY"), marketingOut));
        Assert.Null(Decide(Template("AUTHENTICATION"), marketingOut));
    }

    [Fact]
    public void Refuse_free_form_in_a_window_opened_before_the_opt_out()
    {
        var state = new ConversationState { LastCustomerMessageAt = Now.AddHours(-2) };
        var optedOut = new ConsentSnapshot(false, true, false, Now.AddHours(-1));

        Assert.Equal("opted_out", ConversationPolicy.DecideSend(new SendFacts(state, Now, optedOut, false))?.Code);
    }

    [Fact]
    public void Refuse_free_form_in_answer_to_the_stop_message_itself()
    {
        var stopAt = Now.AddMinutes(-1);
        var state = new ConversationState { LastCustomerMessageAt = stopAt };
        var optedOut = new ConsentSnapshot(false, true, false, stopAt);

        Assert.Equal("opted_out", ConversationPolicy.DecideSend(new SendFacts(state, Now, optedOut, false))?.Code);
    }

    [Fact]
    public void Allow_free_form_once_an_opted_out_customer_writes_again()
    {
        var state = new ConversationState { LastCustomerMessageAt = Now.AddMinutes(-5) };
        var optedOut = new ConsentSnapshot(false, true, false, Now.AddHours(-1));

        Assert.Null(ConversationPolicy.DecideSend(new SendFacts(state, Now, optedOut, false)));
    }

    [Fact]
    public void Refuse_free_form_outside_the_window_whatever_the_consent()
    {
        var state = new ConversationState { LastCustomerMessageAt = Now.AddHours(-25) };

        var refusal = ConversationPolicy.DecideSend(new SendFacts(state, Now, OptedIn, false));

        Assert.Equal("window_closed", refusal?.Code);
        Assert.Equal(Now.AddHours(-1), refusal!.WindowClosedAt);
    }

    private static SendRefusal? Decide(TemplateDefinition template, ConsentSnapshot consent) =>
        ConversationPolicy.DecideSend(new SendFacts(new ConversationState(), Now, consent, true, template.Name, template.Language, template));

    private static TemplateDefinition Template(string category, string status = "APPROVED") =>
        new("tpl_1", "order_update", "en_US", category, status, """[{"type":"BODY","text":"Hi"}]""");
}
