namespace Platform.Host.Media;

/// <summary>
/// Tenants' files and their metadata: Azure Blob storage (bytes) and Table storage (metadata and a per-customer index) when
/// <c>ConnectionStrings__AzureStorage</c> is set, memory otherwise. Every read is by tenant, so one tenant never reaches
/// another's file. The erase-by-customer methods serve the privacy endpoints.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores the bytes of <paramref name="content"/> (read from its current position) and then the record.</summary>
    Task SaveAsync(MediaRecord record, Stream content, CancellationToken cancellationToken);

    Task<MediaRecord?> GetAsync(string tenantId, string mediaId, CancellationToken cancellationToken);

    /// <summary>Our id of the file a customer sent that Meta named <paramref name="metaMediaId"/>, or null.</summary>
    Task<string?> FindReceivedAsync(string tenantId, string metaMediaId, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when the tenant has no such file.</summary>
    Task<Stream?> OpenAsync(string tenantId, string mediaId, CancellationToken cancellationToken);

    /// <summary>Records Meta's media id of the file for <paramref name="phoneNumberId"/>.</summary>
    Task RecordMetaUploadAsync(string tenantId, string mediaId, string phoneNumberId, MetaUpload upload, CancellationToken cancellationToken);

    /// <summary>Records that the file was sent to <paramref name="waId"/>, so erasing that customer finds it.</summary>
    Task LinkCustomerAsync(string tenantId, string mediaId, string waId, CancellationToken cancellationToken);

    /// <summary>Deletes the file and its record; false when the tenant had no such file.</summary>
    Task<bool> DeleteAsync(string tenantId, string mediaId, CancellationToken cancellationToken);

    /// <summary>The files a customer sent to the tenant, or the tenant sent to them.</summary>
    Task<IReadOnlyList<MediaRecord>> ListByCustomerAsync(string tenantId, string waId, CancellationToken cancellationToken);

    /// <summary>
    /// Erases a customer's files: every file they sent, and every uploaded file sent to them alone. Files also sent to other
    /// customers (a brochure, a menu) are the tenant's and stay; only the link to this customer goes. Answers how many files
    /// were deleted.
    /// </summary>
    Task<int> DeleteByCustomerAsync(string tenantId, string waId, CancellationToken cancellationToken);
}
