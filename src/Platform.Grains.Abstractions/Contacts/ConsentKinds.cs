namespace Platform.Grains.Contacts;

/// <summary>The consent changes a contact can go through.</summary>
public static class ConsentKinds
{
    /// <summary>The customer agreed to business-initiated messages (templates) from this tenant.</summary>
    public const string OptIn = "opt_in";

    /// <summary>The customer wants nothing business-initiated (STOP, or the API).</summary>
    public const string OptOut = "opt_out";

    /// <summary>The customer wants no MARKETING templates (Meta's marketing stop, or error 131050).</summary>
    public const string OptOutMarketing = "opt_out_marketing";

    /// <summary>Meta reports the customer resumed marketing messages.</summary>
    public const string ResumeMarketing = "resume_marketing";
}
