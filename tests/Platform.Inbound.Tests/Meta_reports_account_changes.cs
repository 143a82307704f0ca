using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Inbound;
using Platform.Grains.Routing;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// Template reviews, marketing preferences, number quality and account changes (Meta's documented examples) are published
/// for the features that own them; fields Meta adds later are published too, never refused.
/// </summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Meta_reports_account_changes(InboundPlatform platform)
{
    private static readonly string[] QualityOnly = ["phone_number.quality"];
    private static readonly string[] ConsentOnly = ["contact.consent"];
    private static readonly string[] TemplateOnly = ["template.status"];

    [Fact]
    public async Task Should_publish_a_template_status_change()
    {
        var templateId = Random.Shared.NextInt64(1_000_000, 9_999_999);
        var body = MetaWebhook.Envelope(new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["event"] = "REJECTED",
                ["message_template_id"] = templateId,
                ["message_template_name"] = "order_confirmation",
                ["message_template_language"] = "en_US",
                ["reason"] = "INCORRECT_CATEGORY",
                ["other_info"] = new JsonObject { ["title"] = "FIRST_PAUSE", ["description"] = "Paused for low quality" },
            },
            ["field"] = "message_template_status_update",
        });

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var change = await Eventually.GetAsync(() => platform.Published.OfType<TemplateStatusChanged>().FirstOrDefault(change => change.TemplateId == templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("102290129340398", change.WabaId);
        Assert.Equal("order_confirmation", change.TemplateName);
        Assert.Equal("en_US", change.Language);
        Assert.Equal("REJECTED", change.Event);
        Assert.Equal("INCORRECT_CATEGORY", change.Reason);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739321024), change.Timestamp);
        Assert.Contains("FIRST_PAUSE", change.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_publish_a_marketing_stop_with_the_tenant_of_the_number()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = $"1650555{Random.Shared.Next(1000, 9999)}";
        var body = MetaWebhook.Envelope(new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = number },
                ["contacts"] = new JsonArray(new JsonObject { ["wa_id"] = customer }),
                ["user_preferences"] = new JsonArray(new JsonObject
                {
                    ["wa_id"] = customer,
                    ["detail"] = "User requested to stop marketing messages",
                    ["category"] = "marketing_messages",
                    ["value"] = "stop",
                    ["timestamp"] = 1731705721,
                }),
            },
            ["field"] = "user_preferences",
        });

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var change = await Eventually.GetAsync(() => platform.Published.OfType<MarketingPreferenceChanged>().FirstOrDefault(change => change.WaId == customer));
        Assert.Equal(tenant.Id, change.TenantId);
        Assert.Equal(number, change.PhoneNumberId);
        Assert.Equal("marketing_messages", change.Category);
        Assert.Equal("stop", change.Value);
        Assert.Equal("User requested to stop marketing messages", change.Detail);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1731705721), change.Timestamp);
    }

    [Fact]
    public async Task Should_publish_a_phone_number_quality_change()
    {
        var display = $"1555{Random.Shared.Next(1_000_000, 9_999_999)}";
        var body = MetaWebhook.Envelope(new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["display_phone_number"] = display,
                ["event"] = "DOWNGRADE",
                ["old_limit"] = "TIER_10K",
                ["current_limit"] = "TIER_2K",
                ["max_daily_conversations_per_business"] = "TIER_2K",
            },
            ["field"] = "phone_number_quality_update",
        });

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var change = await Eventually.GetAsync(() => platform.Published.OfType<PhoneNumberQualityChanged>().FirstOrDefault(change => change.DisplayPhoneNumber == display));
        Assert.Equal("DOWNGRADE", change.Event);
        Assert.Equal("TIER_2K", change.CurrentLimit);
        Assert.Equal("TIER_2K", change.MaxDailyConversations);
        Assert.Equal("102290129340398", change.WabaId);
    }

    [Fact]
    public async Task Should_tell_the_tenant_holding_the_account_when_a_numbers_quality_changes()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var waba = MetaWebhook.NewPhoneNumberId();
        Assert.True(await platform.Services.GetRequiredService<IGrainFactory>().GetGrain<IWabaOwnerGrain>(waba).ClaimAsync(tenant.Id));
        var url = platform.Receiver.Endpoint();
        await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, event_types = QualityOnly }, HttpStatusCode.Created);
        var body = MetaWebhook.EnvelopeFor(waba, new JsonObject
        {
            ["value"] = new JsonObject { ["display_phone_number"] = "15550100", ["event"] = "FLAGGED", ["current_limit"] = "TIER_1K" },
            ["field"] = "phone_number_quality_update",
        });

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var delivery = (await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1))[0];
        Assert.Equal("phone_number.quality", delivery.Type);
        var data = delivery.Json.GetProperty("data");
        Assert.Equal(number, data.GetProperty("phone_number_id").GetString());
        Assert.Equal("FLAGGED", data.GetProperty("event").GetString());
        Assert.Equal("TIER_1K", data.GetProperty("current_limit").GetString());
        Assert.Equal(tenant.Id, delivery.Json.GetProperty("tenant_id").GetString());
    }

    [Fact]
    public async Task Should_tell_the_tenant_when_a_customer_stops_marketing_in_whatsapps_settings()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var url = platform.Receiver.Endpoint();
        await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, event_types = ConsentOnly }, HttpStatusCode.Created);
        var body = MetaWebhook.Envelope(new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = number },
                ["user_preferences"] = new JsonArray(new JsonObject
                {
                    ["wa_id"] = "16505551234", ["detail"] = "User requested to stop marketing messages", ["category"] = "marketing_messages", ["value"] = "stop", ["timestamp"] = 1731705721,
                }),
            },
            ["field"] = "user_preferences",
        });

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var delivery = (await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1))[0];
        Assert.Equal("contact.consent", delivery.Type);
        var data = delivery.Json.GetProperty("data");
        Assert.Equal("16505551234", data.GetProperty("wa_id").GetString());
        Assert.Equal("opt_out_marketing", data.GetProperty("consent").GetString());
        Assert.Equal("meta", data.GetProperty("source").GetString());
        Assert.Equal(number, data.GetProperty("phone_number_id").GetString());
    }

    [Fact]
    public async Task Should_tell_the_tenant_about_metas_review_of_its_template_by_our_template_id()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        await tenant.AddSandboxNumberAsync();
        var waba = MetaWebhook.NewPhoneNumberId();
        Assert.True(await platform.Services.GetRequiredService<IGrainFactory>().GetGrain<IWabaOwnerGrain>(waba).ClaimAsync(tenant.Id));
        var template = await tenant.Client.PostAsync(
            "/v1/templates",
            new { name = "order_shipped", language = "en_US", category = "UTILITY", components = JsonDocument.Parse("""[{"type": "BODY", "text": "Your order {{1}} has shipped.", "example": {"body_text": [["A-1042"]]}}]""").RootElement },
            HttpStatusCode.Created);
        var url = platform.Receiver.Endpoint();
        await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, event_types = TemplateOnly }, HttpStatusCode.Created);
        var body = MetaWebhook.EnvelopeFor(waba, new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["event"] = "PAUSED", ["message_template_id"] = 806312974732579, ["message_template_name"] = "order_shipped",
                ["message_template_language"] = "en_US", ["reason"] = "NONE",
            },
            ["field"] = "message_template_status_update",
        });

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var delivery = (await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Body.Contains("PAUSED", StringComparison.Ordinal))))
            .First(request => request.Body.Contains("PAUSED", StringComparison.Ordinal));
        Assert.Equal("template.status", delivery.Type);
        var data = delivery.Json.GetProperty("data");
        Assert.Equal(template.GetProperty("id").GetString(), data.GetProperty("template_id").GetString());
        Assert.Equal("order_shipped", data.GetProperty("name").GetString());
        Assert.Equal("en_US", data.GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("reason").ValueKind);
    }

    [Theory]
    [InlineData("account_update", "VERIFIED_ACCOUNT")]
    [InlineData("business_capability_update", null)]
    [InlineData("a_field_meta_invents_next_year", "SOMETHING_NEW")]
    public async Task Should_publish_account_changes_and_fields_it_does_not_know(string field, string? @event)
    {
        var marker = Guid.NewGuid().ToString("N");
        var value = new JsonObject { ["marker"] = marker, ["max_daily_conversation_per_phone"] = 1000, ["max_phone_numbers_per_business"] = 2 };
        if (@event is not null)
        {
            value["event"] = @event;
        }

        var response = await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Envelope(new JsonObject { ["value"] = value, ["field"] = field }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = await Eventually.GetAsync(() => platform.Published.OfType<WhatsAppAccountChanged>().FirstOrDefault(change => change.Raw.Contains(marker, StringComparison.Ordinal)));
        Assert.Equal(field, change.Field);
        Assert.Equal(@event, change.Event);
        Assert.Equal("102290129340398", change.WabaId);
    }

    [Fact]
    public async Task Should_publish_errors_meta_reports_outside_any_message()
    {
        var number = MetaWebhook.NewPhoneNumberId();
        var body = MetaWebhook.Envelope(new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = number },
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["code"] = 131000, ["title"] = "Something went wrong", ["message"] = "Something went wrong",
                    ["error_data"] = new JsonObject { ["details"] = "Unknown error" },
                }),
            },
            ["field"] = "messages",
        });

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var error = await Eventually.GetAsync(() => platform.Published.OfType<WhatsAppErrorReported>().FirstOrDefault(error => error.PhoneNumberId == number));
        Assert.Equal(131000, error.Code);
        Assert.Equal("Something went wrong", error.Title);
    }
}
