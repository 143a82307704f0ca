using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Routing;
using Platform.Grains.TenantEvents;
using Platform.Grains.Templates;

namespace Platform.Host.Inbound;

/// <summary>
/// Tells the tenant about Meta's review of one of its templates (<c>template.status</c>), named by our template id. The
/// template lifecycle applies the same update on its own queue; this only raises the event, with an id derived from the
/// update, so a redelivery raises the same event.
/// </summary>
internal sealed partial class TemplateStatusTenantEventConsumer(IGrainFactory grains, ILogger<TemplateStatusTenantEventConsumer> logger)
    : IConsumer<TemplateStatusChanged>
{
    public async Task Consume(ConsumeContext<TemplateStatusChanged> context)
    {
        var update = context.Message;
        if (await grains.GetGrain<IWabaOwnerGrain>(update.WabaId).GetOwnerAsync() is not { } tenantId)
        {
            return;
        }

        if (await grains.GetGrain<ITemplateGrain>(new TemplateKey(tenantId, update.TemplateName, update.Language).ToString()).GetAsync() is not { } template)
        {
            LogUnknownTemplate(update.TemplateName, update.Language);
            return;
        }

        // Meta's REINSTATED means approved again; other events (FLAGGED, …) are passed on as Meta names them.
        var status = update.Event.Equals("REINSTATED", StringComparison.OrdinalIgnoreCase) ? TemplateStatuses.Approved : update.Event;
        var reason = update.Reason is null or "NONE" ? null : update.Reason;
        await context.Publish(TenantEventFactory.TemplateStatus(tenantId, template.Id, template.Name, template.Language, status, reason, update.Timestamp));
    }

    [LoggerMessage(LogLevel.Information, "Template status update for {TemplateName} ({Language}) matches no template of the tenant")]
    private partial void LogUnknownTemplate(string templateName, string language);
}
