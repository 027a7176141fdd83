using System.Net;

namespace Conformance.Fleet.Questions;

/// <summary>Writes a fleet report as one self-contained HTML page: a heading and a table per question.</summary>
public static class ResultTableHtml
{
    public static void Write(FleetReport report, string title, TextWriter writer)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title>");
        writer.WriteLine("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}" +
            "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}th{background:#f3f3f3}</style></head><body>");
        writer.WriteLine($"<h1>{Encode(title)}</h1><p>{Encode(report.Overview)}</p>");
        foreach (var table in report.Answers)
        {
            writer.WriteLine($"<h2>{Encode(table.Title)}</h2>");
            if (table.Rows.Count == 0) { writer.WriteLine("<p>none</p>"); continue; }
            writer.Write("<table><thead><tr>");
            foreach (var column in table.Columns) writer.Write($"<th>{Encode(column)}</th>");
            writer.WriteLine("</tr></thead><tbody>");
            foreach (var row in table.Rows) writer.WriteLine("<tr>" + string.Concat(row.Select(cell => $"<td>{Encode(cell)}</td>")) + "</tr>");
            writer.WriteLine("</tbody></table>");
        }
        writer.WriteLine("</body></html>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
