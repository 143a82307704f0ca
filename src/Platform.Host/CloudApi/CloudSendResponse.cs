namespace Platform.Host.CloudApi;

/// <summary>Meta's answer to a send: <c>{"messaging_product": "whatsapp", "contacts": [{"input", "wa_id"}], "messages": [{"id"}]}</c>.</summary>
public sealed record CloudSendResponse(string MessagingProduct, IReadOnlyList<CloudContact> Contacts, IReadOnlyList<CloudMessageId> Messages);
