using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Platform.WhatsApp.Onboarding;

/// <summary>
/// The Graph API calls a solution provider makes to bring a business's number onto the Cloud API: read the number, register
/// it, subscribe the app to its account's webhooks, exchange an Embedded Signup code, submit templates. Every call carries
/// the business's token; none of them is on a message's path.
/// </summary>
public sealed class MetaGraphClient(HttpClient http, IOptions<GraphApiOptions> options)
{
    public async Task<MetaPhoneNumber> GetPhoneNumberAsync(string accessToken, string phoneNumberId, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, $"{Escape(phoneNumberId)}?fields=id,display_phone_number,verified_name,quality_rating", accessToken, null, cancellationToken);
        return new MetaPhoneNumber(
            String(json, "id") ?? phoneNumberId,
            String(json, "display_phone_number") ?? throw Malformed("display_phone_number"),
            String(json, "verified_name"),
            String(json, "quality_rating"));
    }

    public Task RegisterPhoneNumberAsync(string accessToken, string phoneNumberId, string pin, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Escape(phoneNumberId)}/register", accessToken, new { messaging_product = "whatsapp", pin }, cancellationToken);

    public Task SubscribeAppAsync(string accessToken, string wabaId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Escape(wabaId)}/subscribed_apps", accessToken, null, cancellationToken);

    /// <summary>Exchanges the code an Embedded Signup returned for the business's access token.</summary>
    public async Task<string> ExchangeCodeAsync(string code, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AppId) || string.IsNullOrEmpty(settings.AppSecret))
        {
            throw new InvalidOperationException("WhatsApp__AppId and WhatsApp__AppSecret must be set for the Embedded Signup code exchange.");
        }

        var json = await SendAsync(
            HttpMethod.Get,
            $"oauth/access_token?client_id={Uri.EscapeDataString(settings.AppId)}&client_secret={Uri.EscapeDataString(settings.AppSecret)}&code={Uri.EscapeDataString(code)}",
            null,
            null,
            cancellationToken);
        return String(json, "access_token") ?? throw Malformed("access_token");
    }

    public async Task<MetaTemplateSubmission> SubmitTemplateAsync(
        string accessToken, string wabaId, string name, string language, string category, JsonElement components, CancellationToken cancellationToken)
    {
        var json = await SendAsync(
            HttpMethod.Post, $"{Escape(wabaId)}/message_templates", accessToken, new { name, language, category, components }, cancellationToken);
        return new MetaTemplateSubmission(String(json, "id") ?? throw Malformed("id"), String(json, "status") ?? "PENDING");
    }

    public Task DeleteTemplateAsync(string accessToken, string wabaId, string name, string metaTemplateId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Delete,
            $"{Escape(wabaId)}/message_templates?hsm_id={Uri.EscapeDataString(metaTemplateId)}&name={Uri.EscapeDataString(name)}",
            accessToken,
            null,
            cancellationToken);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? accessToken, object? body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(method, new Uri(settings.GraphApiBase, $"/{settings.GraphApiVersion}/{path}"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MetaGraphException("Meta's Graph API could not be reached.", unavailable: true, inner: exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = Parse(text);
            if (response.IsSuccessStatusCode)
            {
                return json;
            }

            var status = (int)response.StatusCode;
            var error = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var e) ? e : default;
            int? code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var message = error.ValueKind == JsonValueKind.Object ? String(error, "message") : null;
            throw new MetaGraphException($"Meta answered {status}: {message ?? "no error message"}", unavailable: status >= 500, status, code, message);
        }
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? String(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static MetaGraphException Malformed(string field) =>
        new($"Meta's answer has no '{field}'.", unavailable: true);
}
