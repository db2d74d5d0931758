namespace KunshanInvest.Application.StaffFiles;

/// <summary>An image as stored: JPEG, bounded in size, without metadata (EXIF, GPS), upright.</summary>
public sealed record NormalisedPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Re-encodes an uploaded image (ADR 0037). Refuses, as a 422 rule, an image whose header declares more pixels than
/// the limit (a decompression bomb) before decoding it, and one that cannot be decoded.
/// </summary>
public interface IPhotoNormaliser
{
    NormalisedPhoto Normalise(string fileName, byte[] content);
}
