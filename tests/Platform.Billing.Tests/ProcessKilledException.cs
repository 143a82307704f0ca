namespace Platform.Billing.Tests;

/// <summary>What every ledger call of a <see cref="CrashingLedger"/> throws once its process is dead.</summary>
public sealed class ProcessKilledException() : Exception("The billing service was killed.");
