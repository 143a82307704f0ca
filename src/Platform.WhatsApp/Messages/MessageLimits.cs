namespace Platform.WhatsApp.Messages;

/// <summary>Meta's documented limits, checked at our API so a bad request fails here and not at Meta.</summary>
public static class MessageLimits
{
    public const int TextBody = 4096;
    public const int Caption = 1024;
    public const int FileName = 240;
    public const int MediaLink = 2048;
    public const int MediaId = 128;
    public const int InteractiveHeaderText = 60;
    public const int InteractiveBodyText = 1024;
    public const int InteractiveFooterText = 60;
    public const int ReplyButtons = 3;
    public const int ReplyButtonTitle = 20;
    public const int ReplyButtonId = 256;
    public const int ListButtonText = 20;
    public const int ListSections = 10;
    public const int ListRows = 10;
    public const int ListSectionTitle = 24;
    public const int ListRowTitle = 24;
    public const int ListRowDescription = 72;
    public const int ListRowId = 200;
    public const int TemplateName = 512;
    public const int TemplateHeaderText = 60;
    public const int TemplateParameterText = 32768;
    public const int TemplateButtons = 10;
    public const int LocationText = 1000;
    public const int Contacts = 257;
    public const int MessageId = 256;
}
