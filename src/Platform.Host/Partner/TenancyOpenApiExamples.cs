using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Host.Partner;

/// <summary>
/// Request and answer examples of the tenancy routes in the OpenAPI document, keyed by endpoint name, so a reader sees the
/// snake_case shapes without calling the API.
/// </summary>
internal static class TenancyOpenApiExamples
{
    private const string Tenant = """{"id":"ten_01KAXQ5Z8M2D2DDR0EMH93P8WN","name":"Acme GmbH","status":"active","status_reason":null,"status_changed_at":"2026-11-25T21:10:04Z","contact_email":"ops@acme.example","country":"DE","external_reference":"crm-4711","created_at":"2026-11-25T21:10:04Z"}""";
    private const string Suspended = """{"id":"ten_01KAXQ5Z8M2D2DDR0EMH93P8WN","name":"Acme GmbH","status":"suspended","status_reason":"Unpaid invoice INV-7","status_changed_at":"2026-11-26T09:00:00Z","contact_email":"ops@acme.example","country":"DE","external_reference":"crm-4711","created_at":"2026-11-25T21:10:04Z"}""";
    private const string KeyCreated = """{"id":"key_01KAXQ6A1B2C3D4E5F6G7H8J9K","key":"sk_01KAXQ6A1B2C3D4E5F6G7H8J9K_3f9c0d6e1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5","prefix":"sk_01KAXQ6A1B2C3D4E5F6G7H8J9K_","name":"order service","scopes":["messages:send","templates:read"],"created_at":"2026-11-25T21:10:05Z"}""";
    private const string Key = """{"id":"key_01KAXQ6A1B2C3D4E5F6G7H8J9K","prefix":"sk_01KAXQ6A1B2C3D4E5F6G7H8J9K_","name":"order service","scopes":["messages:send","templates:read"],"created_at":"2026-11-25T21:10:05Z","last_used_at":"2026-11-25T21:30:00Z","expires_at":null,"rotated_to":null,"active":true}""";
    private const string Number = """{"id":"pn_01KAXQ7B2C3D4E5F6G7H8J9K0M","phone_number_id":"106540352242922","display_phone_number":"+1 555-0100","channel":"cloud_api","status":"connected","waba_id":"102290129340398","verified_name":"Acme Shop","quality_rating":"GREEN","quality_event":null,"messaging_limit":null,"created_at":"2026-11-25T21:11:00Z"}""";
    private const string CloudNumberRequest = """{"phone_number_id":"106540352242922","channel":"cloud_api","waba_id":"102290129340398","access_token":"EAAG…","pin":"123456"}""";
    private const string SignupRequest = """{"code":"AQBx…","waba_id":"102290129340398","phone_number_id":"106540352242922","pin":"123456"}""";
    private const string TemplateRequest = """{"name":"order_update","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}, your order {{2}} ships today.","example":{"body_text":[["Ana","#1234"]]}},{"type":"FOOTER","text":"Acme Shop"}]}""";
    private const string Template = """{"id":"tpl_01KAXQ8C3D4E5F6G7H8J9K0M1N","name":"order_update","language":"en_US","category":"UTILITY","status":"PENDING","status_reason":null,"components":[{"type":"BODY","text":"Hi {{1}}, your order {{2}} ships today.","example":{"body_text":[["Ana","#1234"]]}},{"type":"FOOTER","text":"Acme Shop"}],"waba_id":"102290129340398","meta_template_id":"1234567890","created_at":"2026-11-25T21:12:00Z","status_changed_at":"2026-11-25T21:12:00Z"}""";
    private const string Contact = """{"wa_id":"4915123456789","opted_in":true,"opted_out":false,"marketing_opted_out":true,"consent_changed_at":"2026-11-25T21:14:00Z","consent_history":[{"kind":"opt_in","source":"api","proof":"checkout form: Ticked 'Send me order updates on WhatsApp'","at":"2026-11-25T21:13:00Z"},{"kind":"opt_out_marketing","source":"api","proof":null,"at":"2026-11-25T21:14:00Z"}]}""";
    private const string Audit = """{"id":"aud_01KAXQ9D4E5F6G7H8J9K0M1N2P","actor":"operator","action":"tenant.suspended","target":"ten_01KAXQ5Z8M2D2DDR0EMH93P8WN","detail":"Unpaid invoice INV-7","at":"2026-11-26T09:00:00Z"}""";

    private static readonly Dictionary<string, (string? Request, string? Answer)> Examples = new(StringComparer.Ordinal)
    {
        ["CreateTenant"] = ("""{"name":"Acme GmbH","contact_email":"ops@acme.example","country":"DE","external_reference":"crm-4711"}""", Tenant),
        ["ListTenants"] = (null, $$"""{"data":[{{Tenant}}],"next_cursor":null}"""),
        ["GetTenant"] = (null, Tenant),
        ["UpdateTenant"] = ("""{"contact_email":"billing@acme.example"}""", Tenant),
        ["SuspendTenant"] = ("""{"reason":"Unpaid invoice INV-7"}""", Suspended),
        ["ResumeTenant"] = (null, Tenant),
        ["CloseTenant"] = (null, Tenant.Replace("\"active\"", "\"closed\"", StringComparison.Ordinal)),
        ["CreateTenantApiKey"] = ("{}", KeyCreated.Replace("order service", "admin", StringComparison.Ordinal).Replace("\"messages:send\",\"templates:read\"", "\"admin\"", StringComparison.Ordinal)),
        ["ListTenantApiKeys"] = (null, $$"""{"data":[{{Key}}],"next_cursor":null}"""),
        ["RevokeTenantApiKey"] = (null, Key.Replace("\"active\":true", "\"active\":false", StringComparison.Ordinal)),
        ["ListTenantAudit"] = (null, $$"""{"data":[{{Audit}}],"next_cursor":null}"""),
        ["RegisterTenantPhoneNumber"] = (CloudNumberRequest, Number),
        ["CompleteTenantEmbeddedSignup"] = (SignupRequest, Number),
        ["ListTenantPhoneNumbers"] = (null, $$"""{"data":[{{Number}}],"next_cursor":null}"""),
        ["CreateApiKey"] = ("""{"name":"order service","scopes":["messages:send","templates:read"]}""", KeyCreated),
        ["ListApiKeys"] = (null, $$"""{"data":[{{Key}}],"next_cursor":null}"""),
        ["RevokeApiKey"] = (null, Key.Replace("\"active\":true", "\"active\":false", StringComparison.Ordinal)),
        ["RotateApiKey"] = ("""{"grace_period_seconds":86400}""", KeyCreated),
        ["RegisterPhoneNumber"] = (CloudNumberRequest, Number),
        ["CompleteEmbeddedSignup"] = (SignupRequest, Number),
        ["ListPhoneNumbers"] = (null, $$"""{"data":[{{Number}}],"next_cursor":null}"""),
        ["GetPhoneNumber"] = (null, Number),
        ["CreateTemplate"] = (TemplateRequest, Template),
        ["ListTemplates"] = (null, $$"""{"data":[{{Template}}],"next_cursor":null}"""),
        ["GetTemplate"] = (null, Template),
        ["OptInContact"] = ("""{"source":"checkout form","proof":"Ticked 'Send me order updates on WhatsApp'"}""", Contact),
        ["OptOutContact"] = ("""{"scope":"marketing"}""", Contact),
        ["GetContact"] = (null, Contact),
        ["GetMessagingSettings"] = (null, """{"stop_keywords":["STOP","STOPP","BAJA"],"start_keywords":["START"],"stop_reply":"You have been unsubscribed. Reply START to subscribe again.","start_reply":"You are subscribed again. Reply STOP to unsubscribe.","opt_in_on_first_message":false}"""),
        ["SetMessagingSettings"] = ("""{"stop_keywords":["STOP","STOPP","BAJA"]}""", """{"stop_keywords":["STOP","STOPP","BAJA"],"start_keywords":["START"],"stop_reply":"You have been unsubscribed. Reply START to subscribe again.","start_reply":"You are subscribed again. Reply STOP to unsubscribe.","opt_in_on_first_message":false}"""),
        ["GetPrivacySettings"] = (null, """{"message_retention_days":30}"""),
        ["SetPrivacySettings"] = ("""{"message_retention_days":30}""", """{"message_retention_days":30}"""),
        ["ListOptedOutContacts"] = (null, """{"data":[{"wa_id":"4915123456789","opted_out":false,"marketing_opted_out":true,"changed_at":"2026-11-25T21:14:00Z"}],"next_cursor":null}"""),
    };

    public static void AddTo(OpenApiOptions options) => options.AddOperationTransformer((operation, _, _) =>
    {
        if (operation.OperationId is { } id && Examples.TryGetValue(id, out var example))
        {
            if (example.Request is { } request && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true && body is OpenApiMediaType requestType)
            {
                requestType.Example = JsonNode.Parse(request);
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (example.Answer is { } answer && status.StartsWith('2') && response.Content?.TryGetValue("application/json", out var content) == true && content is OpenApiMediaType answerType)
                {
                    answerType.Example = JsonNode.Parse(answer);
                }
            }
        }

        return Task.CompletedTask;
    });
}
