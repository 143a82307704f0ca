using Platform.Grains.Storage;

namespace Platform.Grains.Templates;

/// <summary>
/// One template of a tenant. A sandbox template (no WABA) plays Meta's review: it approves itself at its stored
/// <see cref="TemplateState.ApproveAt"/>, by a grain timer while active, and on the next read or activation otherwise,
/// so the approval survives deactivation and restarts without a reminder.
/// </summary>
public sealed class TemplateGrain(
    [PersistentState("template", GrainStorage.Platform)] IPersistentState<TemplateState> state,
    TimeProvider time) : Grain, ITemplateGrain
{
    private IGrainTimer? _approval;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ApproveIfDueAsync();
        ScheduleApproval();
    }

    public async Task<TemplateDefinition?> GetAsync()
    {
        await ApproveIfDueAsync();
        return state.State.Template;
    }

    public async Task<bool> CreateAsync(TemplateDefinition definition, TimeSpan sandboxApprovalDelay)
    {
        if (state.State.Template is not null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        state.State.Template = definition with { CreatedAt = now, StatusChangedAt = now };
        state.State.ApproveAt = definition.WabaId is null && definition.Status == TemplateStatuses.Pending ? now + sandboxApprovalDelay : null;
        await state.WriteStateAsync();
        ScheduleApproval();
        return true;
    }

    public async Task<TemplateDefinition?> AttachMetaTemplateAsync(string metaTemplateId, string status)
    {
        if (state.State.Template is not { } template)
        {
            return null;
        }

        state.State.Template = template with
        {
            MetaTemplateId = metaTemplateId,
            Status = template.Status == TemplateStatuses.Pending ? status : template.Status,
        };
        await state.WriteStateAsync();
        return state.State.Template;
    }

    public async Task<TemplateDefinition?> ApplyStatusAsync(string status, string? reason, string? metaTemplateId)
    {
        if (state.State.Template is not { } template)
        {
            return null;
        }

        var sameTemplate = metaTemplateId is null || template.MetaTemplateId is null || template.MetaTemplateId == metaTemplateId;
        if (sameTemplate && (template.Status != status || template.StatusReason != reason))
        {
            state.State.Template = template with { Status = status, StatusReason = reason, StatusChangedAt = time.GetUtcNow() };
            state.State.ApproveAt = null;
            await state.WriteStateAsync();
        }

        return state.State.Template;
    }

    public async Task<bool> DeleteAsync()
    {
        if (state.State.Template is null)
        {
            return false;
        }

        _approval?.Dispose();
        await state.ClearStateAsync();
        return true;
    }

    private async Task ApproveIfDueAsync()
    {
        if (state.State is { Template: { } template, ApproveAt: { } due } && due <= time.GetUtcNow())
        {
            state.State.Template = template with { Status = TemplateStatuses.Approved, StatusChangedAt = time.GetUtcNow() };
            state.State.ApproveAt = null;
            await state.WriteStateAsync();
        }
    }

    private void ScheduleApproval()
    {
        if (state.State.ApproveAt is not { } due)
        {
            return;
        }

        var wait = due - time.GetUtcNow();
        _approval?.Dispose();
        _approval = this.RegisterGrainTimer(
            _ => ApproveIfDueAsync(),
            new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }
}
