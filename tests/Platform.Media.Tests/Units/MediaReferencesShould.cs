using System.Text.Json.Nodes;
using Platform.WhatsApp.Media;

namespace Platform.Media.Tests.Units;

public sealed class MediaReferencesShould
{
    private const string Ours = "med_01JD7Z8Q4R5S6T7V8W9X0Y1Z2A";

    [Fact]
    public void Find_our_id_in_a_media_message_and_replace_it_with_metas()
    {
        var content = $$$"""{"id":"{{{Ours}}}","caption":"Your boarding pass"}""";

        Assert.Equal([Ours], MediaReferences.Find("image", content));
        var replaced = JsonNode.Parse(MediaReferences.Replace("image", content, new Dictionary<string, string> { [Ours] = "1234567890" }))!;
        Assert.Equal("1234567890", replaced["id"]!.GetValue<string>());
        Assert.Equal("Your boarding pass", replaced["caption"]!.GetValue<string>());
    }

    [Fact]
    public void Find_our_id_in_a_template_header_parameter()
    {
        var template = $$$"""{"name":"boarding_pass","language":{"code":"en"},"components":[{"type":"header","parameters":[{"type":"document","document":{"id":"{{{Ours}}}","filename":"pass.pdf"}}]}]}""";

        Assert.Equal([Ours], MediaReferences.Find("template", template));
        Assert.Contains("\"id\":\"42\"", MediaReferences.Replace("template", template, new Dictionary<string, string> { [Ours] = "42" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Leave_links_metas_ids_and_ids_that_are_not_media_alone()
    {
        Assert.Empty(MediaReferences.Find("image", """{"link":"https://example.com/a.jpg"}"""));
        Assert.Empty(MediaReferences.Find("image", """{"id":"1234567890"}"""));
        Assert.Empty(MediaReferences.Find("interactive", $$$"""{"type":"list","action":{"sections":[{"rows":[{"id":"{{{Ours}}}","title":"A row"}]}]}}"""));
    }
}
