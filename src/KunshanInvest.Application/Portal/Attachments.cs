using System.IO.Compression;
using System.Text;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Portal;

/// <summary>A file as uploaded: the client's name (display only) and its bytes.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>Keeps attachment bytes outside the web root under generated names (Infrastructure: the data folder).</summary>
public interface IAttachmentStore
{
    /// <summary>Writes the bytes under a new generated name and returns it.</summary>
    Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken);

    Stream OpenRead(string storedName);

    void Delete(string storedName);
}

public static class AttachmentStoreExtensions
{
    /// <summary>
    /// Saves the unit of work that records <paramref name="stored"/>; should the save fail, the file written for it is
    /// deleted too, so nothing is left half-saved.
    /// </summary>
    public static async Task SaveChangesOrDiscardAsync(this IAttachmentStore store, Common.IAppDbContext db, string? stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch when (stored is not null)
        {
            store.Delete(stored);
            throw;
        }
    }
}

/// <summary>
/// What a submission may carry: PDF, Word, Excel and images, at most <see cref="MaxBytes"/> each and
/// <see cref="MaxFiles"/> in all, and the content's magic bytes must match the extension (a renamed .exe is refused).
/// </summary>
public static class AttachmentRules
{
    public const int MaxFiles = 5;
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>Extension → content type served on download.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    public static string Accept => string.Join(',', ContentTypes.Keys);

    /// <summary>Null when the file is acceptable, else what is wrong with it (a catalogue message).</summary>
    public static Said? Problem(string? fileName, byte[]? content)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (string.IsNullOrWhiteSpace(fileName) || !ContentTypes.ContainsKey(extension))
        {
            return M.AttachmentType.With(("file", SafeName(fileName)));
        }

        if (content is null || content.Length == 0)
        {
            return M.AttachmentEmpty.With(("file", SafeName(fileName)));
        }

        if (content.Length > MaxBytes)
        {
            return M.AttachmentTooLarge.With(("file", SafeName(fileName)));
        }

        return Matches(extension.ToLowerInvariant(), content)
            ? null
            : M.AttachmentMismatch.With(("file", SafeName(fileName)));
    }

    public static bool Matches(string extension, byte[] content) => extension switch
    {
        ".pdf" => StartsWith(content, Pdf),
        ".doc" or ".xls" => StartsWith(content, Ole),
        ".docx" => StartsWith(content, Zip) && HasEntry(content, "word/document.xml"),
        ".xlsx" => StartsWith(content, Zip) && HasEntry(content, "xl/workbook.xml"),
        ".png" => StartsWith(content, Png),
        ".jpg" or ".jpeg" => StartsWith(content, Jpeg),
        ".gif" => StartsWith(content, "GIF87a"u8) || StartsWith(content, "GIF89a"u8),
        ".webp" => content.Length >= 12 && StartsWith(content, "RIFF"u8) && content.AsSpan(8, 4).SequenceEqual("WEBP"u8),
        _ => false,
    };

    /// <summary>
    /// The client's name reduced to a display name: no directories, no control or path characters, bounded. It is
    /// never used as a path; files are stored under generated names.
    /// </summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsControl(c) || c is '/' or ':' or '"' or '<' or '>' or '|' or '*' or '?' ? '_' : c);
        }

        var safe = builder.ToString().Trim().TrimStart('.');
        if (safe.Length > 120)
        {
            var extension = Path.GetExtension(safe);
            safe = safe[..(120 - extension.Length)] + extension;
        }

        return safe.Length == 0 ? "file" : safe;
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) => content.AsSpan().StartsWith(prefix);

    private static bool HasEntry(byte[] content, string entry)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry(entry) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
