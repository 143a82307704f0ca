namespace Platform.WhatsApp.CloudApi;

/// <summary>Meta's access token of a tenant's <c>cloud_api</c> number, decrypted for one call; null when it has none.</summary>
public interface IAccessTokenSource
{
    Task<string?> GetAsync(string tenantId, string phoneNumberId, CancellationToken cancellationToken);
}
