using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Portal;
using Microsoft.AspNetCore.Components.Forms;

namespace KunshanInvest.Web.Components.StaffFiles;

/// <summary>Files picked in the browser, read into memory under the upload limits (the use case checks them again).</summary>
internal static class StaffFilePicks
{
    public static async Task<List<UploadedFile>> ReadAsync(InputFileChangeEventArgs e)
    {
        if (e.FileCount > AttachmentRules.MaxFiles)
        {
            throw M.StaffFileTooMany.With(("max", AttachmentRules.MaxFiles)).Rule();
        }

        var picked = new List<UploadedFile>(e.FileCount);
        foreach (var file in e.GetMultipleFiles(AttachmentRules.MaxFiles))
        {
            if (file.Size > AttachmentRules.MaxBytes)
            {
                throw M.AttachmentTooLarge.With(("file", AttachmentRules.SafeName(file.Name))).Rule();
            }

            await using var stream = file.OpenReadStream(AttachmentRules.MaxBytes);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            picked.Add(new UploadedFile(file.Name, memory.ToArray()));
        }

        return picked;
    }
}
