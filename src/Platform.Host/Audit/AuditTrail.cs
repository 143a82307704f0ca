using Platform.Grains.Audit;
using Platform.Host.Authentication;

namespace Platform.Host.Audit;

/// <summary>Records a change in the tenant's audit log, naming the caller of this request as who made it.</summary>
public sealed class AuditTrail(AuditLog log, IHttpContextAccessor accessor)
{
    public Task RecordAsync(string tenantId, string action, string target, string? detail = null) =>
        log.RecordAsync(tenantId, Actor, action, target, detail);

    private string Actor => accessor.HttpContext?.User.FindFirst(PlatformClaims.KeyId)?.Value ?? AuditActions.Operator;
}
