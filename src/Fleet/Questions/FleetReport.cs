using Conformance.Fleet.Storage;

namespace Conformance.Fleet.Questions;

/// <summary>The answers to the <see cref="StandardQuestions"/> of one fleet database, with a line about what it holds.</summary>
public sealed record FleetReport(string Overview, IReadOnlyList<ResultTable> Answers)
{
    /// <summary>Asks every standard question of the database at <paramref name="database"/> (opened read-only).</summary>
    public static FleetReport Of(string database)
    {
        using var connection = FleetDatabase.Open(database, readOnly: true);
        var overview = ResultTable.Query(connection, "",
            $"SELECT count(*), count(*) FILTER (WHERE error IS NOT NULL), count(DISTINCT device), coalesce(sum(size_bytes), 0) FROM {FleetTables.Logs}").Rows[0];
        var text = $"{overview[0]} logs ({overview[1]} unreadable), {overview[2]} devices by IMEI, {overview[3]} bytes";
        return new FleetReport(text, [.. StandardQuestions.All.Select(q => ResultTable.Query(connection, q.Title, q.Sql))]);
    }
}
