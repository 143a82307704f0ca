using Platform.Grains.Identifiers;
using Platform.Grains.Messages;

namespace Platform.Messaging.Tests.Units;

public class HistoryKeysShould
{
    [Fact]
    public void Sort_newer_messages_first()
    {
        var older = PlatformIds.New("msg", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = PlatformIds.New("msg", new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(HistoryKeys.RowKey(newer), HistoryKeys.RowKey(older)) < 0);
    }

    [Fact]
    public void Bound_a_time_range()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var id = HistoryKeys.RowKey(PlatformIds.New("msg", at))!;

        Assert.True(string.CompareOrdinal(id, HistoryKeys.Floor(at)) <= 0);
        Assert.True(string.CompareOrdinal(id, HistoryKeys.Floor(at.AddMilliseconds(1))) > 0);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("msg_short")]
    [InlineData("msg_01J0000000000000000000000U")]
    public void Refuse_ids_that_are_not_ours(string id)
    {
        Assert.Null(HistoryKeys.RowKey(id));
    }
}
