using ImageMagick;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.StaffFiles;

namespace KunshanInvest.Infrastructure.Files;

/// <summary>
/// Photos through ImageMagick (Magick.NET-Q8-AnyCPU: native builds for linux-x64 and linux-arm64 in one package, ADR 0037):
/// the header is read first and an image declaring more than <see cref="MaxPixels"/> is refused before it is decoded;
/// JPEGs are decoded already scaled down by libjpeg; the result is turned upright (EXIF orientation), bounded to
/// <see cref="MaxSide"/> pixels on its longest side, stripped of every profile (EXIF, GPS, XMP, ICC) and re-encoded as JPEG.
/// </summary>
internal sealed class MagickPhotoNormaliser : IPhotoNormaliser
{
    public const int MaxSide = 1600;

    /// <summary>64 megapixels: above the 50 MP of today's phone cameras; a 10 MB file declaring more is a bomb or a poster.</summary>
    public const long MaxPixels = 64_000_000;

    /// <summary>No side longer than this, whatever the area (a 1×60,000,000 strip is a bomb too).</summary>
    public const int MaxDimension = 20_000;

    public const int Quality = 85;

    static MagickPhotoNormaliser()
    {
        // The library's own guard as a second line, loose enough that reading a header still tells the dimensions
        // (the check below names them): beyond these it refuses to read even the header.
        ResourceLimits.Width = MaxDimension * 16;
        ResourceLimits.Height = MaxDimension * 16;
    }

    public NormalisedPhoto Normalise(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        uint width, height;
        MagickFormat format;
        try
        {
            var info = new MagickImageInfo(content);
            (width, height, format) = (info.Width, info.Height, info.Format);
        }
        catch (MagickResourceLimitErrorException)
        {
            throw M.PhotoTooManyPixels.With(("file", fileName), ("width", "?"), ("height", "?"), ("max", MaxPixels / 1_000_000), ("side", MaxDimension)).Rule();
        }
        catch (MagickException)
        {
            throw M.PhotoUnreadable.With(("file", fileName)).Rule();
        }

        if (width == 0 || height == 0 || width > MaxDimension || height > MaxDimension || (long)width * height > MaxPixels)
        {
            throw M.PhotoTooManyPixels.With(("file", fileName), ("width", width), ("height", height), ("max", MaxPixels / 1_000_000), ("side", MaxDimension)).Rule();
        }

        try
        {
            var settings = new MagickReadSettings();
            if (format == MagickFormat.Jpeg)
            {
                // libjpeg's DCT scaling: a 4000×3000 photo is decoded at about half size instead of in full.
                settings.SetDefine(MagickFormat.Jpeg, "size", $"{MaxSide * 2}x{MaxSide * 2}");
            }

            using var image = new MagickImage(content, settings);
            image.AutoOrient();
            if (image.Width > MaxSide || image.Height > MaxSide)
            {
                image.Resize(new MagickGeometry(MaxSide, MaxSide) { Greater = true });
            }

            if (image.HasAlpha)
            {
                image.BackgroundColor = MagickColors.White;
                image.Alpha(AlphaAction.Remove);
            }

            image.Strip();
            image.Format = MagickFormat.Jpeg;
            image.Quality = Quality;
            return new NormalisedPhoto(image.ToByteArray(), (int)image.Width, (int)image.Height);
        }
        catch (MagickResourceLimitErrorException)
        {
            throw M.PhotoTooManyPixels.With(("file", fileName), ("width", width), ("height", height), ("max", MaxPixels / 1_000_000), ("side", MaxDimension)).Rule();
        }
        catch (MagickException)
        {
            throw M.PhotoUnreadable.With(("file", fileName)).Rule();
        }
    }
}
