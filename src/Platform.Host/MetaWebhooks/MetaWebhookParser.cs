using System.Text.Json;
using Platform.Contracts.Inbound;

namespace Platform.Host.MetaWebhooks;

/// <summary>
/// Turns one webhook POST of Meta (<c>object</c>, <c>entry[].changes[]</c>) into one <see cref="WhatsAppUpdatesReceived"/>.
/// Every object is also kept as Meta sent it (<c>Raw</c>), so fields, types and enum values Meta adds later travel on;
/// an unknown field becomes an account change rather than an error.
/// </summary>
public static class MetaWebhookParser
{
    public const string MessagesField = "messages";
    public const string TemplateStatusField = "message_template_status_update";
    public const string UserPreferencesField = "user_preferences";
    public const string QualityField = "phone_number_quality_update";

    public static WhatsAppUpdatesReceived Parse(JsonElement root, DateTimeOffset receivedAt)
    {
        var updates = new Collected();
        foreach (var entry in root.Items("entry"))
        {
            var wabaId = entry.Text("id") ?? "";
            var entryTime = entry.UnixTime("time") ?? receivedAt;
            foreach (var change in entry.Items("changes"))
            {
                var field = change.Text("field") ?? "";
                if (change.Property("value") is not { ValueKind: JsonValueKind.Object } value)
                {
                    updates.Account.Add(new WhatsAppAccountChanged { WabaId = wabaId, Field = field, Timestamp = entryTime, Raw = change.GetRawText() });
                    continue;
                }

                switch (field)
                {
                    case MessagesField:
                        ReadMessages(updates, wabaId, value, receivedAt);
                        break;
                    case TemplateStatusField:
                        updates.Templates.Add(new TemplateStatusChanged
                        {
                            WabaId = wabaId,
                            TemplateId = value.Text("message_template_id") ?? "",
                            TemplateName = value.Text("message_template_name") ?? "",
                            Language = value.Text("message_template_language") ?? "",
                            Event = value.Text("event") ?? "",
                            Reason = value.Text("reason"),
                            Timestamp = entryTime,
                            Raw = value.GetRawText(),
                        });
                        break;
                    case UserPreferencesField:
                        var phoneNumberId = value.Property("metadata")?.Text("phone_number_id") ?? "";
                        foreach (var preference in value.Items("user_preferences"))
                        {
                            updates.Preferences.Add(new MarketingPreferenceChanged
                            {
                                PhoneNumberId = phoneNumberId,
                                WaId = preference.Text("wa_id") ?? "",
                                Category = preference.Text("category") ?? "",
                                Value = preference.Text("value") ?? "",
                                Detail = preference.Text("detail"),
                                Timestamp = preference.UnixTime("timestamp") ?? entryTime,
                                Raw = preference.GetRawText(),
                            });
                        }

                        break;
                    case QualityField:
                        updates.Qualities.Add(new PhoneNumberQualityChanged
                        {
                            WabaId = wabaId,
                            DisplayPhoneNumber = value.Text("display_phone_number") ?? "",
                            Event = value.Text("event") ?? "",
                            CurrentLimit = value.Text("current_limit"),
                            MaxDailyConversations = value.Text("max_daily_conversations_per_business"),
                            Timestamp = entryTime,
                            Raw = value.GetRawText(),
                        });
                        break;
                    default:
                        updates.Account.Add(new WhatsAppAccountChanged
                        {
                            WabaId = wabaId, Field = field, Event = value.Text("event"), Timestamp = entryTime, Raw = value.GetRawText(),
                        });
                        break;
                }
            }
        }

        return new WhatsAppUpdatesReceived
        {
            Source = "meta",
            ReceivedAt = receivedAt,
            Messages = updates.Messages,
            Statuses = updates.Statuses,
            TemplateStatuses = updates.Templates,
            MarketingPreferences = updates.Preferences,
            PhoneNumberQualities = updates.Qualities,
            AccountChanges = updates.Account,
            Errors = updates.Errors,
        };
    }

    private static void ReadMessages(Collected updates, string wabaId, JsonElement value, DateTimeOffset receivedAt)
    {
        var metadata = value.Property("metadata");
        var phoneNumberId = metadata?.Text("phone_number_id") ?? "";
        var display = metadata?.Text("display_phone_number");
        var names = new Dictionary<string, string?>();
        foreach (var contact in value.Items("contacts"))
        {
            if (contact.Text("wa_id") is { } waId)
            {
                names[waId] = contact.Property("profile")?.Text("name");
            }
        }

        foreach (var message in value.Items("messages"))
        {
            var from = message.Text("from");
            var wamid = message.Text("id");
            if (from is null || wamid is null)
            {
                // Without a sender or an id there is no conversation to apply it to and nothing to deduplicate by: keep it as it came.
                updates.Account.Add(new WhatsAppAccountChanged { WabaId = wabaId, Field = MessagesField, Timestamp = receivedAt, Raw = message.GetRawText() });
                continue;
            }

            var type = message.Text("type") ?? "unknown";
            var timestamp = message.UnixTime("timestamp") ?? receivedAt;
            updates.Messages.Add(new CustomerMessage
            {
                PhoneNumberId = phoneNumberId,
                From = from,
                Wamid = wamid,
                Type = type,
                Content = message.Raw(type) ?? "{}",
                Context = message.Raw("context"),
                ProfileName = names.GetValueOrDefault(from),
                Timestamp = timestamp,
                Referral = message.Raw("referral"),
                Errors = message.Raw("errors"),
                Raw = message.GetRawText(),
                WabaId = wabaId,
                DisplayPhoneNumber = display,
            });

            // The older form of Meta's marketing stop/resume: a system message instead of a user_preferences change.
            if (type == "system" && message.Property("system") is { } system && system.Text("type") == "user_preference_changed")
            {
                updates.Preferences.Add(new MarketingPreferenceChanged
                {
                    PhoneNumberId = phoneNumberId,
                    WaId = from,
                    Category = "marketing_messages",
                    Value = system.Text("marketing") ?? "",
                    Detail = system.Text("body"),
                    Timestamp = timestamp,
                    Raw = message.GetRawText(),
                });
            }
        }

        foreach (var status in value.Items("statuses"))
        {
            if (status.Text("id") is not { } wamid || status.Text("status") is not { } name)
            {
                updates.Account.Add(new WhatsAppAccountChanged { WabaId = wabaId, Field = MessagesField, Timestamp = receivedAt, Raw = status.GetRawText() });
                continue;
            }

            var firstError = status.Items("errors").Cast<JsonElement?>().FirstOrDefault();
            updates.Statuses.Add(new MessageStatusUpdate
            {
                PhoneNumberId = phoneNumberId,
                Wamid = wamid,
                RecipientId = status.Text("recipient_id") ?? "",
                Status = name,
                Timestamp = status.UnixTime("timestamp") ?? receivedAt,
                CallbackData = status.Text("biz_opaque_callback_data"),
                Error = firstError is { } error
                    ? new Contracts.Inbound.DeliveryError
                    {
                        Code = error.Int("code") ?? 0,
                        Title = error.Text("title") ?? error.Text("message") ?? "",
                        Details = error.Property("error_data")?.Text("details") ?? error.Text("message"),
                    }
                    : null,
                Pricing = status.Raw("pricing"),
                Conversation = status.Raw("conversation"),
                Errors = status.Raw("errors"),
                Raw = status.GetRawText(),
                WabaId = wabaId,
            });
        }

        foreach (var error in value.Items("errors"))
        {
            updates.Errors.Add(new WhatsAppErrorReported
            {
                PhoneNumberId = phoneNumberId,
                WabaId = wabaId,
                Code = error.Int("code"),
                Title = error.Text("title") ?? error.Text("message"),
                Raw = error.GetRawText(),
            });
        }
    }

    private sealed class Collected
    {
        public List<CustomerMessage> Messages { get; } = [];
        public List<MessageStatusUpdate> Statuses { get; } = [];
        public List<TemplateStatusChanged> Templates { get; } = [];
        public List<MarketingPreferenceChanged> Preferences { get; } = [];
        public List<PhoneNumberQualityChanged> Qualities { get; } = [];
        public List<WhatsAppAccountChanged> Account { get; } = [];
        public List<WhatsAppErrorReported> Errors { get; } = [];
    }
}
