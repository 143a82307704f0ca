namespace Platform.Grains.Storage;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class GrainStorage
{
    /// <summary>Memory in the embedded mode, Azure Table storage when configured.</summary>
    public const string Platform = "platform";
}
