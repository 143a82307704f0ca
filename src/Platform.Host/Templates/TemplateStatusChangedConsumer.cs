using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Audit;
using Platform.Grains.Routing;
using Platform.Grains.Templates;

namespace Platform.Host.Templates;

/// <summary>
/// Applies Meta's template review to the tenant's template: the account (WABA) names the tenant, name and language name
/// the template. Applying is idempotent, so a redelivered update changes nothing the second time.
/// </summary>
public sealed partial class TemplateStatusChangedConsumer(IGrainFactory grains, AuditLog audit, ILogger<TemplateStatusChangedConsumer> logger)
    : IConsumer<TemplateStatusChanged>
{
    public async Task Consume(ConsumeContext<TemplateStatusChanged> context)
    {
        var update = context.Message;

        // REINSTATED is Meta's word for approved again; FLAGGED and the rest are warnings that leave the status as it is.
        var status = update.Event.ToUpperInvariant() switch
        {
            "REINSTATED" => TemplateStatuses.Approved,
            var known when TemplateStatuses.All.Contains(known) => known,
            _ => null,
        };
        if (status is null)
        {
            return;
        }

        if (await grains.GetGrain<IWabaOwnerGrain>(update.WabaId).GetOwnerAsync() is not { } tenantId)
        {
            LogUnrouted(update.WabaId, update.TemplateName);
            return;
        }

        var reason = update.Reason is null or "NONE" ? null : update.Reason;
        var grain = grains.GetGrain<ITemplateGrain>(new TemplateKey(tenantId, update.TemplateName, update.Language).ToString());
        var before = await grain.GetAsync();
        var after = await grain.ApplyStatusAsync(status, reason, update.TemplateId);
        if (after is not null && (before?.Status != after.Status || before.StatusReason != after.StatusReason))
        {
            await audit.RecordAsync(tenantId, AuditActions.Meta, AuditActions.TemplateStatusChanged, after.Id, $"{after.Status}{(reason is null ? "" : $" ({reason})")}");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Template status update for account {WabaId} (template {TemplateName}) matches no tenant")]
    private partial void LogUnrouted(string wabaId, string templateName);
}
