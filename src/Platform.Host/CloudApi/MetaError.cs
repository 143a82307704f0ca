namespace Platform.Host.CloudApi;

/// <summary>Meta's error object: <c>{"error": {"message", "type", "code", "error_data": {"messaging_product", "details"}, "fbtrace_id"}}</c>.</summary>
public sealed record MetaError(string Message, string Type, int Code, MetaErrorData ErrorData, string FbtraceId);
