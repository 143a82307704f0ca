using System.Text.RegularExpressions;
using Platform.Grains.Identifiers;

namespace Platform.Tests.Identifiers;

public partial class PlatformIdsShould
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Be_the_prefix_and_26_Crockford_base32_characters()
    {
        Assert.Matches(Shape(), PlatformIds.New("msg", At));
        Assert.Matches(Shape(), PlatformIds.Derive("msg", At, "seed"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(86_400_000)]
    public void Sort_later_ids_after_earlier_ones(int millisecondsLater)
    {
        var earlier = PlatformIds.New("msg", At);
        var later = PlatformIds.New("msg", At.AddMilliseconds(millisecondsLater));

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
    }

    [Fact]
    public void Sort_derived_ids_by_time_whatever_their_seeds()
    {
        var earlier = PlatformIds.Derive("evt", At, "zzz");
        var later = PlatformIds.Derive("evt", At.AddMilliseconds(1), "aaa");

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
    }

    [Fact]
    public void Derive_the_same_id_for_the_same_prefix_time_and_seed()
    {
        Assert.Equal(PlatformIds.Derive("evt", At, "ten_01/msg_01"), PlatformIds.Derive("evt", At, "ten_01/msg_01"));
    }

    [Fact]
    public void Derive_different_ids_for_different_seeds()
    {
        Assert.NotEqual(PlatformIds.Derive("evt", At, "ten_01/msg_01"), PlatformIds.Derive("evt", At, "ten_01/msg_02"));
    }

    [Fact]
    public void Create_distinct_new_ids_for_the_same_time()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => PlatformIds.New("msg", At)).ToHashSet();

        Assert.Equal(100, ids.Count);
    }

    [GeneratedRegex("^msg_[0-9A-HJKMNP-TV-Z]{26}$")]
    private static partial Regex Shape();
}
