using System.Text.Json;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// The committed reference for the check: ratios from a run on an unchanged tree, and how far a new run may
/// fall below them before it counts as a regression.
/// </summary>
/// <param name="Threshold">Relative drop tolerated, e.g. 0.25: a ratio may fall to 75% of its baseline.</param>
/// <param name="NoiseFloor">Absolute drop always tolerated, for ratios so small that noise dominates.</param>
/// <param name="Ratios">Ratio name to value, as computed by <see cref="Check.Ratios.Of"/>.</param>
public sealed record Baseline(double Threshold, double NoiseFloor, SortedDictionary<string, double> Ratios)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Baseline Load(string path) =>
        JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: empty baseline");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}
