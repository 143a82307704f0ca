using Microsoft.AspNetCore.Authorization;

namespace Platform.Host.Authentication;

/// <summary>Why a valid tenant key was refused (403): its <see cref="Code"/>, a sentence, and extra problem fields.</summary>
public sealed class TenantAccessFailure(IAuthorizationHandler handler, string code, string detail, IReadOnlyDictionary<string, object?> extensions)
    : AuthorizationFailureReason(handler, detail)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions;
}
