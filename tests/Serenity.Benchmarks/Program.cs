using Serenity.Benchmarks;

// Usage: Serenity.Benchmarks <group> [--processes N] [--runs N] [--only name,name]
// Prints one line per benchmark, "name: value unit": the median over N processes x N runs.
return BenchmarkHost.Run(args);
