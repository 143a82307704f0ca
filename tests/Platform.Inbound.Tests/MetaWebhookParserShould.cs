using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Host.MetaWebhooks;

namespace Platform.Inbound.Tests;

/// <summary>What the parser keeps of the fields the HTTP tests cannot see from outside: referral, pricing, conversation, errors, raw objects.</summary>
public sealed class MetaWebhookParserShould
{
    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    [Fact]
    public void KeepReferralErrorsAndTheRawMessageWithFieldsItDoesNotKnow()
    {
        var examples = MetaExamples.EveryMessageType("16315551234");
        var updates = Parse(MetaWebhook.Messages("106540352242922", [.. examples.Select(example => example.Message)]));

        Assert.Equal(examples.Count, updates.Messages.Count);
        var text = updates.Messages[0];
        Assert.Equal("Kerry Fisher", text.ProfileName);
        Assert.Equal("102290129340398", text.WabaId);
        Assert.Equal("15550783881", text.DisplayPhoneNumber);
        Assert.Equal("ad", JsonNode.Parse(text.Referral!)!["source_type"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739321024), text.Timestamp);
        var unsupported = updates.Messages.Single(message => message.Type == "unsupported");
        Assert.Equal(131051, JsonNode.Parse(unsupported.Errors!)![0]!["code"]!.GetValue<int>());
        var future = updates.Messages.Single(message => message.Type == "hologram");
        Assert.Equal(1, JsonNode.Parse(future.Raw!)!["a_field_meta_adds_later"]!["x"]!.GetValue<int>());
        Assert.Equal("SPARKLY", JsonNode.Parse(future.Content)!["future_enum"]!.GetValue<string>());
    }

    [Fact]
    public void ReadAFailedStatusWithConversationPricingAndErrors()
    {
        var status = new JsonObject
        {
            ["id"] = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQzlEQUNFMkNCNUI4Qjg4RjYA",
            ["status"] = "failed",
            ["timestamp"] = "1739321030",
            ["recipient_id"] = "16505551234",
            ["biz_opaque_callback_data"] = "msg_01JDB4ABCDEF",
            ["conversation"] = new JsonObject { ["id"] = "CONVERSATION_ID", ["expiration_timestamp"] = "1739407430", ["origin"] = new JsonObject { ["type"] = "marketing" } },
            ["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["category"] = "marketing", ["type"] = "regular" },
            ["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = 131050, ["title"] = "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business",
                ["message"] = "Unable to deliver the message.", ["error_data"] = new JsonObject { ["details"] = "User stopped marketing messages" },
                ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
            }),
            ["a_new_status_field"] = "kept",
        };

        var parsed = Assert.Single(Parse(MetaWebhook.Messages("106540352242922", statuses: [status])).Statuses);

        Assert.Equal("failed", parsed.Status);
        Assert.Equal("16505551234", parsed.RecipientId);
        Assert.Equal("msg_01JDB4ABCDEF", parsed.CallbackData);
        Assert.Equal(131050, parsed.Error!.Code);
        Assert.Equal("User stopped marketing messages", parsed.Error.Details);
        Assert.Equal("marketing", JsonNode.Parse(parsed.Pricing!)!["category"]!.GetValue<string>());
        Assert.Equal("marketing", JsonNode.Parse(parsed.Conversation!)!["origin"]!["type"]!.GetValue<string>());
        Assert.Contains("a_new_status_field", parsed.Raw, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739321030), parsed.Timestamp);
    }

    [Fact]
    public void ReadTheOlderSystemMessageFormOfAMarketingStopAsAPreference()
    {
        var message = new JsonObject
        {
            ["from"] = "16505551234",
            ["id"] = "wamid.SYSTEM",
            ["timestamp"] = "1731705721",
            ["type"] = "system",
            ["system"] = new JsonObject { ["body"] = "User requested to stop marketing messages", ["marketing"] = "stop", ["type"] = "user_preference_changed" },
        };

        var updates = Parse(MetaWebhook.Messages("106540352242922", [message]));

        var preference = Assert.Single(updates.MarketingPreferences);
        Assert.Equal("stop", preference.Value);
        Assert.Equal("16505551234", preference.WaId);
        Assert.Equal("106540352242922", preference.PhoneNumberId);
    }

    [Fact]
    public void KeepAMessageWithoutIdOrSenderAsAnAccountChangeRatherThanFail()
    {
        var updates = Parse(MetaWebhook.Messages("106540352242922", [new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "?" } }]));

        Assert.Empty(updates.Messages);
        Assert.Equal("messages", Assert.Single(updates.AccountChanges).Field);
    }

    [Fact]
    public void ReadNothingFromAPayloadOfAnotherShape()
    {
        var updates = Parse("""{"object": "page", "entry": "not an array", "something": [1, 2]}""");

        Assert.Empty(updates.Messages);
        Assert.Empty(updates.AccountChanges);
    }

    private static Contracts.Inbound.WhatsAppUpdatesReceived Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MetaWebhookParser.Parse(document.RootElement, ReceivedAt);
    }
}
