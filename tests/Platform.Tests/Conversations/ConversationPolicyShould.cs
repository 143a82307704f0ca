using Platform.Grains.Conversations;

namespace Platform.Tests.Conversations;

public class ConversationPolicyShould
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Refuse_free_form_text_when_the_customer_never_wrote()
    {
        var refusal = ConversationPolicy.DecideSend(new ConversationState(), Now);

        Assert.NotNull(refusal);
        Assert.Equal("window_closed", refusal.Code);
        Assert.Null(refusal.WindowClosedAt);
    }

    [Fact]
    public void Allow_free_form_text_while_the_window_is_open()
    {
        var state = new ConversationState { LastCustomerMessageAt = Now - TimeSpan.FromHours(23) - TimeSpan.FromMinutes(59) };

        Assert.Null(ConversationPolicy.DecideSend(state, Now));
    }

    [Fact]
    public void Refuse_free_form_text_exactly_24_hours_after_the_customer_wrote()
    {
        var last = Now - TimeSpan.FromHours(24);
        var state = new ConversationState { LastCustomerMessageAt = last };

        var refusal = ConversationPolicy.DecideSend(state, Now);

        Assert.NotNull(refusal);
        Assert.Equal("window_closed", refusal.Code);
        Assert.Equal(last + TimeSpan.FromHours(24), refusal.WindowClosedAt);
    }

    [Fact]
    public void Say_when_the_window_closed()
    {
        var last = Now - TimeSpan.FromDays(3);
        var state = new ConversationState { LastCustomerMessageAt = last };

        var refusal = ConversationPolicy.DecideSend(state, Now);

        Assert.NotNull(refusal);
        Assert.Contains($"closed at {last.AddHours(24):O}", refusal.Detail, StringComparison.Ordinal);
    }
}
