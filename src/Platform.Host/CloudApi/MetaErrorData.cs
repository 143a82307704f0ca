namespace Platform.Host.CloudApi;

/// <summary>Meta's <c>error_data</c>: which product, and the details a person reads.</summary>
public sealed record MetaErrorData(string MessagingProduct, string Details);
