using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.WhatsApp.Channels;
using Platform.WhatsApp.Media;

namespace Platform.WhatsApp.CloudApi;

/// <summary>
/// Meta's WhatsApp Cloud API: <c>POST {base}/{version}/{phone-number-id}/messages</c> with the number's bearer token. Meta's
/// answer names the wamid and the recipient's wa_id; its errors are mapped by <see cref="MetaErrors"/>. Network failures
/// and timeouts are retryable: the message is still ours.
/// </summary>
public sealed class CloudApiChannel(
    HttpClient http,
    IAccessTokenSource tokens,
    PhoneNumberPacer pacer,
    IOptions<CloudApiOptions> options,
    IMediaIdResolver? media = null) : IWhatsAppChannel
{
    public const string ChannelName = "cloud_api";

    public string Name => ChannelName;

    public async Task<ChannelSendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        if (await tokens.GetAsync(message.TenantId, message.PhoneNumberId, cancellationToken) is not { } token)
        {
            return ChannelSendResult.Rejected(new ChannelError(190, "The number has no access token; register it again with one.", null));
        }

        // Our media ids (med_…) go to Meta as the sending number's own media ids, uploaded on first use.
        if (media is not null && MediaReferences.Find(message.Type, message.Content) is { Count: > 0 } ours)
        {
            var resolution = await media.ResolveAsync(message.TenantId, message.PhoneNumberId, token, ours, cancellationToken);
            if (resolution.Failure is { } failure)
            {
                return failure;
            }

            message = message with { Content = MediaReferences.Replace(message.Type, message.Content, resolution.MetaMediaIds) };
        }

        if (!await pacer.WaitAsync(message.PhoneNumberId, cancellationToken))
        {
            return ChannelSendResult.Deferred(new ChannelError(130429, "The number's pace is exhausted in this process.", null), TimeSpan.FromSeconds(1));
        }

        var settings = options.Value;
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"{settings.GraphApiBase.TrimEnd('/')}/{settings.GraphApiVersion}/{Uri.EscapeDataString(message.PhoneNumberId)}/messages")
        {
            Content = new StringContent(Body(message), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var json = await response.Content.ReadAsStringAsync(timeout.Token);
            return Interpret((int)response.StatusCode, json);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelSendResult.Deferred(new ChannelError(0, "Meta did not answer in time.", null), TimeSpan.FromSeconds(1));
        }
        catch (HttpRequestException exception)
        {
            return ChannelSendResult.Deferred(new ChannelError(0, "Meta could not be reached.", exception.Message), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Meta's request body: the type's object as given, our id as <c>biz_opaque_callback_data</c>.</summary>
    internal static string Body(ChannelMessage message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messaging_product", "whatsapp");
            writer.WriteString("recipient_type", "individual");
            writer.WriteString("to", message.To);
            writer.WriteString("type", message.Type);
            writer.WritePropertyName(message.Type);
            writer.WriteRawValue(message.Content);
            if (message.Context is { } context)
            {
                writer.WritePropertyName("context");
                writer.WriteRawValue(context);
            }

            writer.WriteString("biz_opaque_callback_data", message.MessageId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static ChannelSendResult Interpret(int status, string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return MetaErrors.Decide(0, $"Meta answered {status} with a body that is not JSON.", null, status >= 500 ? status : 502);
        }

        if (status is >= 200 and < 300
            && root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            && messages[0].TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } wamid)
        {
            var waId = root.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array && contacts.GetArrayLength() > 0
                && contacts[0].TryGetProperty("wa_id", out var contact) ? contact.GetString() : null;
            return ChannelSendResult.Sent(wamid, waId);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var codeValue) && codeValue.TryGetInt32(out var parsed) ? parsed : 0;
            var text = error.TryGetProperty("message", out var messageValue) ? messageValue.GetString() : null;
            var details = error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("details", out var detailsValue) ? detailsValue.GetString() : null;
            return MetaErrors.Decide(code, text, details, status);
        }

        return MetaErrors.Decide(0, $"Meta answered {status} without a message id.", null, status >= 500 ? status : 502);
    }
}
