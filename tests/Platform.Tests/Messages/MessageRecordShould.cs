using Platform.Grains.Messages;

namespace Platform.Tests.Messages;

public class MessageRecordShould
{
    private static readonly DateTimeOffset T0 = MessageRecords.Created;

    [Fact]
    public void Keep_statuses_in_time_order()
    {
        var record = MessageRecords.Outbound()
            .WithStatus(MessageStatuses.Delivered, T0.AddSeconds(2))
            .WithStatus(MessageStatuses.Sent, T0.AddSeconds(1));

        Assert.Equal(
            [
                new MessageStatusEntry(MessageStatuses.Accepted, T0),
                new MessageStatusEntry(MessageStatuses.Sent, T0.AddSeconds(1)),
                new MessageStatusEntry(MessageStatuses.Delivered, T0.AddSeconds(2)),
            ],
            record.Statuses);
    }

    [Fact]
    public void Not_move_back_to_delivered_when_read_arrived_first()
    {
        var record = MessageRecords.Outbound()
            .WithStatus(MessageStatuses.Sent, T0.AddSeconds(1))
            .WithStatus(MessageStatuses.Read, T0.AddSeconds(3))
            .WithStatus(MessageStatuses.Delivered, T0.AddSeconds(2));

        Assert.Equal(MessageStatuses.Read, record.Status);
        Assert.True(record.HasStatus(MessageStatuses.Delivered));
    }

    [Fact]
    public void Order_statuses_of_the_same_second_by_how_far_along_they_are()
    {
        var second = T0.AddSeconds(5);

        var record = MessageRecords.Outbound()
            .WithStatus(MessageStatuses.Read, second)
            .WithStatus(MessageStatuses.Delivered, second)
            .WithStatus(MessageStatuses.Sent, second);

        Assert.Equal(
            [MessageStatuses.Accepted, MessageStatuses.Sent, MessageStatuses.Delivered, MessageStatuses.Read],
            record.Statuses.Select(entry => entry.Status));
        Assert.Equal(MessageStatuses.Read, record.Status);
    }

    [Fact]
    public void Return_the_same_instance_when_a_known_status_arrives_again_later()
    {
        var record = MessageRecords.Outbound().WithStatus(MessageStatuses.Sent, T0.AddSeconds(1));

        Assert.Same(record, record.WithStatus(MessageStatuses.Sent, T0.AddSeconds(9)));
        Assert.Same(record, record.WithStatus(MessageStatuses.Sent, T0.AddSeconds(1)));
    }

    [Fact]
    public void Take_Metas_earlier_time_for_a_status_already_known()
    {
        var ours = MessageRecords.Outbound()
            .WithStatus(MessageStatuses.Sent, T0.AddSeconds(5))
            .WithStatus(MessageStatuses.Delivered, T0.AddSeconds(6));

        var metas = ours.WithStatus(MessageStatuses.Sent, T0.AddSeconds(2));

        Assert.Equal(
            [
                new MessageStatusEntry(MessageStatuses.Accepted, T0),
                new MessageStatusEntry(MessageStatuses.Sent, T0.AddSeconds(2)),
                new MessageStatusEntry(MessageStatuses.Delivered, T0.AddSeconds(6)),
            ],
            metas.Statuses);
        Assert.Equal(T0.AddSeconds(5), ours.Statuses[1].At);
    }

    [Fact]
    public void Make_failed_the_current_status()
    {
        var record = MessageRecords.Outbound()
            .WithStatus(MessageStatuses.Sent, T0.AddSeconds(1))
            .WithStatus(MessageStatuses.Failed, T0.AddSeconds(2));

        Assert.Equal(MessageStatuses.Failed, record.Status);
    }

    [Fact]
    public void Record_an_unknown_status_without_making_it_current()
    {
        var record = MessageRecords.Outbound()
            .WithStatus(MessageStatuses.Delivered, T0.AddSeconds(1))
            .WithStatus("played", T0.AddSeconds(2));

        Assert.True(record.HasStatus("played"));
        Assert.Equal(new MessageStatusEntry("played", T0.AddSeconds(2)), record.Statuses[^1]);
        Assert.Equal(MessageStatuses.Delivered, record.Status);
    }

    [Fact]
    public void Start_as_accepted_without_any_other_status()
    {
        var record = MessageRecords.Outbound();

        Assert.Equal(MessageStatuses.Accepted, record.Status);
        Assert.False(record.HasStatus(MessageStatuses.Sent));
    }
}
