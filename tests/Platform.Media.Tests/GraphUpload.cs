namespace Platform.Media.Tests;

/// <summary>An upload the fake Graph API accepted: the number, the media id it answered, the form's fields and the file.</summary>
public sealed record GraphUpload(string PhoneNumberId, string MediaId, string Type, string FileName, string FileContentType, byte[] Bytes);
