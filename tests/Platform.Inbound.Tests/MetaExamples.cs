using System.Text.Json.Nodes;

namespace Platform.Inbound.Tests;

/// <summary>
/// Customer messages of every type as Meta's webhook reference shows them (values from its examples), plus a type Meta
/// has not invented yet. Each is (type, the message object).
/// </summary>
public static class MetaExamples
{
    public static IReadOnlyList<(string Type, JsonObject Message)> EveryMessageType(string from)
    {
        JsonObject Message(string type, JsonNode content, JsonObject? extra = null)
        {
            var message = new JsonObject
            {
                ["from"] = from,
                ["id"] = MetaWebhook.NewWamid(),
                ["timestamp"] = "1739321024",
                ["type"] = type,
                [type] = content,
            };
            foreach (var (name, value) in extra ?? [])
            {
                message[name] = value?.DeepClone();
            }

            return message;
        }

        return
        [
            ("text", Message("text", new JsonObject { ["body"] = "Is the sale still on?" }, new JsonObject
            {
                ["referral"] = new JsonObject
                {
                    ["source_url"] = "https://fb.me/3cr4Wqqkv",
                    ["source_id"] = "120226305854810726",
                    ["source_type"] = "ad",
                    ["headline"] = "Chat with us",
                    ["body"] = "Summer sale: 20% off",
                    ["media_type"] = "image",
                    ["image_url"] = "https://scontent.xx.fbcdn.net/v/t45.1600-4/abc.jpg",
                    ["ctwa_clid"] = "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a",
                },
            })),
            ("image", Message("image", new JsonObject { ["caption"] = "A photo", ["mime_type"] = "image/jpeg", ["sha256"] = "IP3u8pFjsJkTW9hgJaNJw2Bvd6j6EmeT1LDzgpMdgyk=", ["id"] = "1003383421387256" })),
            ("audio", Message("audio", new JsonObject { ["mime_type"] = "audio/ogg; codecs=opus", ["sha256"] = "l4zjXcRrw5yJDQ6NzC9jfOSpnuYmQ9p2y0rbIGcxNDk=", ["id"] = "1003383421387257", ["voice"] = true })),
            ("video", Message("video", new JsonObject { ["mime_type"] = "video/mp4", ["sha256"] = "a8HDuqhJtG5U/j3O8RqZO6t3kdH3I4VPB5yQ7DJH3A0=", ["id"] = "1003383421387258" })),
            ("document", Message("document", new JsonObject { ["caption"] = "Invoice", ["filename"] = "invoice-2025-11.pdf", ["mime_type"] = "application/pdf", ["sha256"] = "v6T0r3nJUSo3rLGc7vD0DnjX3ZDfv9FFbOtYg1B5aXI=", ["id"] = "1003383421387259" })),
            ("sticker", Message("sticker", new JsonObject { ["mime_type"] = "image/webp", ["sha256"] = "n9p8w3FoV9KTo9nrw4MLdkfH3cBtf3JY5Q1kGrv0nT8=", ["id"] = "1003383421387260", ["animated"] = false })),
            ("location", Message("location", new JsonObject { ["latitude"] = 37.4829969, ["longitude"] = -122.1480707, ["name"] = "Philz Coffee", ["address"] = "101 Forest Ave, Palo Alto, CA 94301" })),
            ("contacts", Message("contacts", new JsonArray(new JsonObject
            {
                ["name"] = new JsonObject { ["formatted_name"] = "Barbara J. Johnson", ["first_name"] = "Barbara", ["last_name"] = "Johnson" },
                ["phones"] = new JsonArray(new JsonObject { ["phone"] = "+1 (940) 555-1234", ["wa_id"] = "19405551234", ["type"] = "HOME" }),
            }))),
            ("interactive", Message("interactive", new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "unique-postback-id", ["title"] = "Yes" } },
                new JsonObject { ["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA" } })),
            ("interactive", Message("interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = "priority_express", ["title"] = "Express Shipping", ["description"] = "Next Day to 2 Days" } })),
            ("button", Message("button", new JsonObject { ["payload"] = "Unsubscribe", ["text"] = "Unsubscribe" },
                new JsonObject { ["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBIyRjI0NjFBQ0JCRjBBMDgyRkMA" } })),
            ("reaction", Message("reaction", new JsonObject { ["message_id"] = "wamid.HBgLMTY1MDUwNzY1MjAVAgERGBI0MjhEMkQ5MTI2NDk0MzAzRjMA", ["emoji"] = "👍" })),
            ("order", Message("order", new JsonObject
            {
                ["catalog_id"] = "194836987003835",
                ["text"] = "Please deliver before noon",
                ["product_items"] = new JsonArray(new JsonObject { ["product_retailer_id"] = "di9ozbzfi4", ["quantity"] = 2, ["item_price"] = 30, ["currency"] = "USD" }),
            })),
            ("system", Message("system", new JsonObject { ["body"] = "Kerry changed from +1 631-555-1234 to +1 631-555-5678", ["new_wa_id"] = "16315555678", ["type"] = "user_changed_number" })),
            ("unsupported", Message("unsupported", new JsonObject { ["type"] = "poll" }, new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["code"] = 131051, ["title"] = "Message type unknown", ["message"] = "Message type unknown", ["error_data"] = new JsonObject { ["details"] = "Message type is currently not supported." } }),
            })),
            ("hologram", Message("hologram", new JsonObject { ["depth_cm"] = 3, ["future_enum"] = "SPARKLY" }, new JsonObject { ["a_field_meta_adds_later"] = new JsonObject { ["x"] = 1 } })),
        ];
    }
}
