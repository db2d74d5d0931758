using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Files;

/// <summary>What a staff file hangs on (ADR 0037).</summary>
public enum AttachmentOwnerKind
{
    Project = 0,
    Enterprise = 1,

    /// <summary>A visit, call or meeting (走访记录): its photos and minutes.</summary>
    Interaction = 2,
}

/// <summary>What the file is, for the list's label and filter.</summary>
public enum StaffFileCategory
{
    Other = 0,

    /// <summary>合同 / 协议.</summary>
    Contract = 1,

    /// <summary>会议纪要.</summary>
    Minutes = 2,

    /// <summary>现场照片: re-encoded on upload (bounded size, no EXIF/GPS).</summary>
    Photo = 3,

    /// <summary>营业执照.</summary>
    BusinessLicence = 4,
}

/// <summary>
/// A bureau file on a project, an enterprise or a visit: contracts, minutes, photos, licences. Staff only — partners and
/// departments never see one. The bytes live in the attachment store under <see cref="StoredName"/> (generated, never
/// the client's name); this row is what is listed, audited and authorised.
/// </summary>
public sealed class StaffAttachment : Entity
{
    public const int FileNameMaxLength = 200;
    public const int StoredNameMaxLength = 80;
    public const int ContentTypeMaxLength = 100;

    private StaffAttachment() { }

    public StaffAttachment(AttachmentOwnerKind ownerKind, Guid ownerId, StaffFileCategory category, string fileName, string storedName, string contentType, long sizeBytes, int? width, int? height, Guid uploadedById, DateTime nowUtc)
    {
        if (ownerId == Guid.Empty || string.IsNullOrWhiteSpace(storedName) || sizeBytes <= 0)
        {
            throw new ArgumentException("A staff file needs its owner, its stored name and some bytes.");
        }

        OwnerKind = ownerKind;
        OwnerId = ownerId;
        Category = category;
        FileName = fileName;
        StoredName = storedName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Width = width;
        Height = height;
        UploadedById = uploadedById;
        UploadedAtUtc = nowUtc;
    }

    public AttachmentOwnerKind OwnerKind { get; private set; }
    public Guid OwnerId { get; private set; }
    public StaffFileCategory Category { get; private set; }

    /// <summary>The client's file name, for display and the download's name only — never a path.</summary>
    public string FileName { get; private set; } = "";

    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }

    /// <summary>Pixels of a stored image (after the resize), for the thumbnail's box; null for documents.</summary>
    public int? Width { get; private set; }

    public int? Height { get; private set; }
    public Guid UploadedById { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }
    public bool IsDemo { get; private set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public void MarkDemo() => IsDemo = true;
}
