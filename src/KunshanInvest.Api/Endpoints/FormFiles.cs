using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Portal;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// The files of a multipart form read under the portal's upload rules: their number and each one's size are checked
/// before any is read into memory (the validators repeat the rules for every other caller). Used by the portal's
/// submissions, service requests and staff files alike.
/// </summary>
internal static class FormFiles
{
    /// <summary>Five files at the size limit and a megabyte for the form's other fields.</summary>
    public const long MaxBodyBytes = (AttachmentRules.MaxFiles * AttachmentRules.MaxBytes) + (1024 * 1024);

    /// <param name="files">The form's files.</param>
    /// <param name="tooMany">What to say when there are more than <see cref="AttachmentRules.MaxFiles"/> (argument <c>max</c>).</param>
    /// <param name="ct">Cancels the reads.</param>
    public static async Task<List<UploadedFile>> ReadAsync(IFormFileCollection files, Msg tooMany, CancellationToken ct)
    {
        if (files.Count > AttachmentRules.MaxFiles)
        {
            throw FieldError.Invalid("files", tooMany.With(("max", AttachmentRules.MaxFiles)));
        }

        if (files.FirstOrDefault(f => f.Length > AttachmentRules.MaxBytes) is { } large)
        {
            throw FieldError.Invalid("files", M.AttachmentTooLarge.With(("file", AttachmentRules.SafeName(large.FileName))));
        }

        var read = new List<UploadedFile>(files.Count);
        foreach (var file in files)
        {
            var content = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, ct);
            read.Add(new UploadedFile(file.FileName, content));
        }

        return read;
    }
}
