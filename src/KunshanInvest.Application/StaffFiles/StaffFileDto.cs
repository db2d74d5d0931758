using KunshanInvest.Domain.Files;

namespace KunshanInvest.Application.StaffFiles;

/// <param name="CanDelete">The caller uploaded it or is a manager or admin.</param>
public sealed record StaffFileDto(
    Guid Id, AttachmentOwnerKind OwnerKind, Guid OwnerId, StaffFileCategory Category, string FileName, string ContentType, long SizeBytes,
    int? Width, int? Height, Guid UploadedById, string? UploadedByName, DateTime UploadedAtUtc, bool CanDelete)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>The download (Content-Disposition: attachment); an &lt;img&gt; shows it too.</summary>
    public string Url => $"/api/v1/files/{Id}";
}
