using Platform.Host.Authentication;

namespace Platform.Host.ApiKeys;

/// <summary>Checks a key request: a name of at most 100 characters and at least one known scope.</summary>
public static class ApiKeyRequests
{
    public const int MaxNameLength = 100;

    public static Dictionary<string, string[]> Validate(CreateApiKeyRequest request, out string name, out string[] scopes)
    {
        var errors = new Dictionary<string, string[]>();
        name = request.Name?.Trim() ?? "";
        if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"The name must be at most {MaxNameLength} characters."];
        }

        scopes = [.. (request.Scopes ?? []).Distinct(StringComparer.Ordinal)];
        if (scopes.Length == 0)
        {
            errors["scopes"] = [$"At least one scope is required: {string.Join(", ", ApiScopes.All)}."];
        }
        else if (scopes.Where(scope => !ApiScopes.All.Contains(scope)).ToList() is { Count: > 0 } unknown)
        {
            errors["scopes"] = [$"Unknown scopes: {string.Join(", ", unknown)}; known: {string.Join(", ", ApiScopes.All)}."];
        }

        return errors;
    }
}
