using System.Globalization;
using Platform.Benchmarks.Scenarios;

// Measures the budgets of DESIGN.md against the real host, run in this process through its entry point (docs/benchmarks.md).
// The first argument names the scenario; without one (or with a number first, as before) it is the embedded throughput.
//
//   dotnet run -c Release --project src/Platform.Benchmarks -- [throughput] [messages=20000] [customers=2000] [concurrency=64]
//   dotnet run -c Release --project src/Platform.Benchmarks -- ingress [updates-per-second=1000] [seconds=60] [customers=1000]
//   dotnet run -c Release --project src/Platform.Benchmarks -- conversations [conversations=100000] [per-post=100]
//   src/Platform.Benchmarks/run-real-services.sh real-services [per-second=1000] [seconds=300] [customers=2000] [baseline-seconds=60]
var named = args.Length > 0 && !int.TryParse(args[0], CultureInfo.InvariantCulture, out _);
var scenario = named ? args[0] : "throughput";
var arguments = named ? args[1..] : args;
switch (scenario)
{
    case "throughput":
        await Throughput.RunAsync(Arg(0, 20_000), Arg(1, 2_000), Arg(2, 64));
        break;
    case "ingress":
        await Ingress.RunAsync(Arg(0, 1_000), Arg(1, 60), Arg(2, 1_000));
        break;
    case "conversations":
        await Conversations.RunAsync(Arg(0, 100_000), Arg(1, 100));
        break;
    case "real-services":
        await RealServicesThroughput.RunAsync(Arg(0, 1_000), Arg(1, 300), Arg(2, 2_000), Arg(3, 60));
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}': throughput, ingress, conversations or real-services (docs/benchmarks.md).");
        return 2;
}

return 0;

int Arg(int index, int fallback) =>
    arguments.ElementAtOrDefault(index) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
