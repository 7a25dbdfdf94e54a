using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Peyvand.Kernel.Lists;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Writes rows under chosen columns as CSV (UTF-8 with BOM, so Excel reads Persian) or XLSX (right-to-left for fa).</summary>
public static class ListExport
{
    /// <summary>
    /// The most rows one export holds. XLSX is built in memory by ClosedXML (about 1 KB per row of ten columns), and the
    /// rows are read 200 at a time through the list's own paging: 10,000 rows keep an export within seconds and tens of
    /// megabytes. Larger extracts belong to the data-management export job.
    /// </summary>
    public const int MaxRows = 10_000;

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static ExportFormat ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => throw new Api.InvalidInputException("format", Api.ApiText.ExportFormat),
    };

    /// <summary>Writes every batch of rows to <paramref name="output"/>; each batch brings the context its names need.</summary>
    public static async Task WriteAsync<TView>(
        Stream output, ExportFormat format, IReadOnlyList<ListColumn<TView>> columns, string language,
        IAsyncEnumerable<(IReadOnlyList<TView> Rows, ColumnContext Context)> batches, CancellationToken cancellationToken)
    {
        if (format == ExportFormat.Csv)
            await WriteCsvAsync(output, columns, language, batches, cancellationToken);
        else
            await WriteXlsxAsync(output, columns, language, batches, cancellationToken);
    }

    // A cell starting with = @ or a sign before a non-digit would run as a formula in a spreadsheet (CSV injection);
    // a leading apostrophe keeps it text. Phone numbers (+98…) and negative numbers stay as they are.
    internal static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var first = value[0];
        var formula = first is '=' or '@' or '\t' or '\r'
            || (first is '+' or '-' && (value.Length == 1 || !char.IsAsciiDigit(value[1])));
        return formula ? "'" + value : value;
    }

    private static async Task WriteCsvAsync<TView>(
        Stream output, IReadOnlyList<ListColumn<TView>> columns, string language,
        IAsyncEnumerable<(IReadOnlyList<TView> Rows, ColumnContext Context)> batches, CancellationToken cancellationToken)
    {
        // The BOM is what makes Excel read the file as UTF-8 rather than the ANSI code page.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var column in columns)
            csv.WriteField(column.ExportLabel(language));
        await csv.NextRecordAsync();
        await foreach (var (rows, context) in batches.WithCancellation(cancellationToken))
        {
            foreach (var row in rows)
            {
                foreach (var column in columns)
                    csv.WriteField(Safe(column.Value(row, context)));
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
        }
    }

    private static async Task WriteXlsxAsync<TView>(
        Stream output, IReadOnlyList<ListColumn<TView>> columns, string language,
        IAsyncEnumerable<(IReadOnlyList<TView> Rows, ColumnContext Context)> batches, CancellationToken cancellationToken)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(language == "fa" ? "فهرست" : "List");
        sheet.RightToLeft = language == "fa";
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].ExportLabel(language));
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var r = 2;
        await foreach (var (rows, context) in batches.WithCancellation(cancellationToken))
        {
            foreach (var row in rows)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = columns[c].Value(row, context);
                    // Amounts as numbers a spreadsheet can add up; everything else as text, never a formula.
                    if (columns[c].Numeric && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                        sheet.Cell(r, c + 1).SetValue(number);
                    else
                        sheet.Cell(r, c + 1).SetValue(Safe(value));
                }
                r++;
            }
        }
        sheet.SheetView.FreezeRows(1);
        // ClosedXML needs a seekable stream; the response body is not one.
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }
}
