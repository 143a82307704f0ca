using Platform.Grains.Audit;
using Platform.Host.Authentication;

namespace Platform.Host.Audit;

/// <summary>
/// Records successful writes of portal routes that do not audit themselves (webhook endpoints, messaging settings), named
/// by their endpoint names, so the audit log covers every change a tenant makes wherever the route lives.
/// </summary>
internal sealed class AuditedWrites(RequestDelegate next)
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["CreateWebhookEndpoint"] = "webhook_endpoint.created",
        ["UpdateWebhookEndpoint"] = "webhook_endpoint.updated",
        ["DeleteWebhookEndpoint"] = "webhook_endpoint.deleted",
        ["RotateWebhookSecret"] = "webhook_endpoint.secret_rotated",
        ["SetMessagingSettings"] = "settings.updated",
    };

    public async Task InvokeAsync(HttpContext context, AuditLog log)
    {
        await next(context);
        if (context.Response.StatusCode is >= 200 and < 300
            && context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name
            && Actions.TryGetValue(name, out var action)
            && context.User.FindFirst(PlatformClaims.TenantId)?.Value is { } tenantId)
        {
            var target = context.Request.RouteValues.TryGetValue("id", out var id) && id is string routeId
                ? routeId
                : context.Response.Headers.Location.ToString().Split('/')[^1];
            await log.RecordAsync(tenantId, context.User.FindFirst(PlatformClaims.KeyId)?.Value ?? AuditActions.Operator, action, target);
        }
    }
}
