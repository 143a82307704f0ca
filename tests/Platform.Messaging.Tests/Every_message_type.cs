using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>Every type Meta's Cloud API sends, in Meta's shapes: valid ones are accepted, each broken limit is named.</summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Every_message_type(MessagingPlatform platform)
{
    public static TheoryData<string> ValidMessages => new()
    {
        """{"type":"text","text":{"body":"See https://example.com","preview_url":true}}""",
        """{"type":"image","image":{"link":"https://example.com/a.jpg","caption":"Your seat map"}}""",
        """{"type":"image","image":{"id":"1234567890"}}""",
        """{"type":"video","video":{"link":"https://example.com/a.mp4","caption":"How to check in"}}""",
        """{"type":"audio","audio":{"id":"1234567890"}}""",
        """{"type":"document","document":{"link":"https://example.com/statement.pdf","caption":"March statement","filename":"statement-2025-03.pdf"}}""",
        """{"type":"sticker","sticker":{"id":"1234567890"}}""",
        """{"type":"location","location":{"latitude":52.52,"longitude":13.405,"name":"Pickup point","address":"Alexanderplatz 1, Berlin"}}""",
        """{"type":"contacts","contacts":[{"name":{"formatted_name":"Help desk","first_name":"Help"},"phones":[{"phone":"+4930123456","type":"WORK"}]}]}""",
        """{"type":"interactive","interactive":{"type":"button","body":{"text":"Keep your booking?"},"action":{"buttons":[{"type":"reply","reply":{"id":"keep","title":"Keep it"}},{"type":"reply","reply":{"id":"cancel","title":"Cancel it"}}]}}}""",
        """{"type":"interactive","interactive":{"type":"list","header":{"type":"text","text":"Delivery slots"},"body":{"text":"Pick a slot"},"footer":{"text":"Times are local"},"action":{"button":"Slots","sections":[{"title":"Tomorrow","rows":[{"id":"t1","title":"9-12","description":"Morning"},{"id":"t2","title":"12-15"}]},{"title":"Friday","rows":[{"id":"f1","title":"9-12"}]}]}}}""",
        """{"type":"reaction","reaction":{"message_id":"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA","emoji":"👍"}}""",
        """{"type":"text","context":{"message_id":"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"},"text":{"body":"Replying to you"}}""",
    };

    public static TheoryData<string, string> InvalidMessages => new()
    {
        { """{"type":"text","text":{"body":"hi","preview_url":"yes"}}""", "text.preview_url" },
        { """{"type":"image","image":{"caption":"no file"}}""", "image" },
        { """{"type":"image","image":{"id":"1","link":"https://example.com/a.jpg"}}""", "image" },
        { """{"type":"image","image":{"link":"ftp://example.com/a.jpg"}}""", "image.link" },
        { $$$"""{"type":"image","image":{"id":"1","caption":"{{{new string('c', 1025)}}}"}}""", "image.caption" },
        { $$$"""{"type":"document","document":{"id":"1","filename":"{{{new string('f', 241)}}}"}}""", "document.filename" },
        { """{"type":"location","location":{"latitude":91,"longitude":13.4}}""", "location.latitude" },
        { """{"type":"location","location":{"latitude":52.5}}""", "location.longitude" },
        { """{"type":"contacts","contacts":[{"phones":[]}]}""", "contacts[0].name" },
        { """{"type":"contacts","contacts":[]}""", "contacts" },
        { """{"type":"interactive","interactive":{"type":"button","body":{"text":"?"},"action":{"buttons":[{"type":"reply","reply":{"id":"1","title":"a"}},{"type":"reply","reply":{"id":"2","title":"b"}},{"type":"reply","reply":{"id":"3","title":"c"}},{"type":"reply","reply":{"id":"4","title":"d"}}]}}}""", "interactive.action.buttons" },
        { """{"type":"interactive","interactive":{"type":"button","body":{"text":"?"},"action":{"buttons":[{"type":"reply","reply":{"id":"1","title":"A title far longer than twenty"}}]}}}""", "interactive.action.buttons[0].reply.title" },
        { """{"type":"interactive","interactive":{"type":"button","action":{"buttons":[{"type":"reply","reply":{"id":"1","title":"a"}}]}}}""", "interactive.body" },
        { """{"type":"interactive","interactive":{"type":"list","body":{"text":"?"},"action":{"button":"Open","sections":[{"title":"A","rows":[{"id":"1","title":"1"},{"id":"2","title":"2"},{"id":"3","title":"3"},{"id":"4","title":"4"},{"id":"5","title":"5"},{"id":"6","title":"6"}]},{"title":"B","rows":[{"id":"7","title":"7"},{"id":"8","title":"8"},{"id":"9","title":"9"},{"id":"10","title":"10"},{"id":"11","title":"11"}]}]}}}""", "interactive.action.sections" },
        { """{"type":"interactive","interactive":{"type":"list","body":{"text":"?"},"action":{"button":"Open","sections":[{"title":"A","rows":[{"id":"1","title":"A row title over 24 chars long"}]}]}}}""", "interactive.action.sections[0].rows[0].title" },
        { """{"type":"interactive","interactive":{"type":"list","body":{"text":"?"},"action":{"button":"A button text that is too long","sections":[{"rows":[{"id":"1","title":"1"}]}]}}}""", "interactive.action.button" },
        { """{"type":"reaction","reaction":{"emoji":"👍"}}""", "reaction.message_id" },
        { """{"type":"text","context":{},"text":{"body":"hi"}}""", "context.message_id" },
        { """{"type":"template","template":{"name":"x"}}""", "template.language" },
        { """{"type":"template","template":{"name":"x","language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"currency","currency":{"fallback_value":"$10","code":"usd","amount_1000":10000}}]}]}}""", "template.components[0].parameters[0].currency.code" },
        { """{"type":"template","template":{"name":"x","language":{"code":"en"},"components":[{"type":"button","sub_type":"url","parameters":[{"type":"text","text":"1"}]}]}}""", "template.components[0].index" },
        { """{"type":"template","template":{"name":"x","language":{"code":"en"},"components":[{"type":"header","parameters":[{"type":"image","image":{}}]}]}}""", "template.components[0].parameters[0].image" },
    };

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public async Task Should_accept_each_type_in_metas_shape(string message)
    {
        var (tenant, number, customer) = await OpenConversationAsync();

        var accepted = await PlatformClient.ExpectAsync(await tenant.Client.PostRawAsync("/v1/messages", With(message, number, customer)), HttpStatusCode.Accepted);

        var sent = await tenant.WaitForStatusAsync(accepted.GetProperty("id").GetString()!, "read");
        var type = JsonDocument.Parse(message).RootElement.GetProperty("type").GetString()!;
        Assert.Equal(type, sent.GetProperty("type").GetString());
        Assert.True(sent.TryGetProperty(type, out _));
    }

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task Should_name_the_field_that_breaks_metas_limits(string message, string field)
    {
        var (tenant, number, customer) = await OpenConversationAsync();

        var problem = await PlatformClient.ExpectAsync(await tenant.Client.PostRawAsync("/v1/messages", With(message, number, customer)), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task Should_keep_the_reply_context_on_the_message()
    {
        var (tenant, number, customer) = await OpenConversationAsync();

        var id = await tenant.SendAcceptedAsync(new { from = number, to = customer, type = "text", context = new { message_id = "wamid.ORIGINAL" }, text = new { body = "About that…" } });

        var message = await tenant.Client.GetAsync($"/v1/messages/{id}", HttpStatusCode.OK);
        Assert.Equal("wamid.ORIGINAL", message.GetProperty("context").GetProperty("message_id").GetString());
    }

    private async Task<(Tenant Tenant, string Number, string Customer)> OpenConversationAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        return (tenant, number, customer);
    }

    private static string With(string message, string from, string to)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(message)!;
        body["from"] = JsonSerializer.SerializeToElement(from);
        body["to"] = JsonSerializer.SerializeToElement("+" + to);
        return JsonSerializer.Serialize(body);
    }
}
