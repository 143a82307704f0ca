using Platform.WhatsApp.Media;

namespace Platform.Media.Tests.Units;

public sealed class MediaTypesShould
{
    [Theory]
    [InlineData("image/jpeg", "image", 5 * 1024 * 1024)]
    [InlineData("image/png", "image", 5 * 1024 * 1024)]
    [InlineData("video/3gpp", "video", 16 * 1024 * 1024)]
    [InlineData("audio/ogg; codecs=opus", "audio", 16 * 1024 * 1024)]
    [InlineData("application/pdf", "document", 100 * 1024 * 1024)]
    [InlineData("image/webp", "sticker", 100 * 1024)]
    public void Give_metas_kind_and_limit_for_each_type(string mimeType, string kind, long limit)
    {
        Assert.Equal(kind, MediaTypes.KindOf(mimeType));
        Assert.Equal(limit, MediaTypes.LimitOf(mimeType, animated: false));
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("application/zip")]
    [InlineData("")]
    public void Know_no_kind_for_types_meta_does_not_take(string mimeType) => Assert.Null(MediaTypes.KindOf(mimeType));

    [Fact]
    public void Tell_an_animated_webp_from_a_static_one()
    {
        var header = "RIFF\0\0\0\0WEBPVP8X\0\0\0\0\u0002\0\0\0"u8.ToArray();

        Assert.True(MediaTypes.IsAnimatedWebp(header));
        header[20] = 0;
        Assert.False(MediaTypes.IsAnimatedWebp(header));
        Assert.False(MediaTypes.IsAnimatedWebp("RIFF\0\0\0\0WEBPVP8 \0\0\0\0\0"u8));
    }

    [Fact]
    public void Let_any_file_go_as_a_document_but_images_only_as_images()
    {
        Assert.True(MediaTypes.Fits("document", "image/jpeg"));
        Assert.True(MediaTypes.Fits("image", "image/png"));
        Assert.False(MediaTypes.Fits("image", "application/pdf"));
        Assert.False(MediaTypes.Fits("sticker", "image/png"));
    }
}
