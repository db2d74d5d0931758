using System.Buffers.Binary;
using ImageMagick;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.StaffFiles;
using KunshanInvest.Application.StaffFiles.DeleteStaffFile;
using KunshanInvest.Application.StaffFiles.GetStaffFile;
using KunshanInvest.Application.StaffFiles.ListStaffFiles;
using KunshanInvest.Application.StaffFiles.UploadStaffFiles;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Files;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Files;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// Staff files (ADR 0037) through their handlers on a real database of each provider, with the real file store and the
/// real image library: photos re-encoded and stripped, content judged by magic bytes, bombs refused by their header,
/// deletion by the uploader or a manager (audited), and a fixed number of statements for the list.
/// </summary>
public abstract class StaffFileHandlerTests(DatabaseProvider provider)
{
    private sealed record World(TestDatabase Database, Guid Officer, Guid Colleague, Guid Manager, Guid Project, Guid Enterprise, Guid Visit, IAttachmentStore Store)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static readonly IPhotoNormaliser Photos = new MagickPhotoNormaliser();

    private async Task<World> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var colleague = await database.AddStaffAsync("colleague", Roles.Officer);
        var manager = await database.AddStaffAsync("manager", Roles.Manager);
        var project = await database.AddProjectAsync($"SF-{Guid.NewGuid():N}"[..12], officer);
        await using var db = database.NewContext();
        var enterprise = await db.Projects.Where(p => p.Id == project).Select(p => p.EnterpriseId!.Value).SingleAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var visit = new Interaction(enterprise, project, InteractionKind.Visit, now.AddHours(-2), officer, "现场走访", null, now);
        db.Interactions.Add(visit);
        await db.SaveChangesAsync();
        var folder = Directory.CreateTempSubdirectory("ki-files-").FullName;
        var store = new FileAttachmentStore(new DatabaseOptions { DataDirectory = folder }, new HostingEnvironment { ContentRootPath = folder });
        var w = new World(database, officer, colleague, manager, project, enterprise, visit.Id, store);
        As(w, officer, Roles.Officer);
        return w;
    }

    private static void As(World w, Guid id, string role)
    {
        var user = TestUser.As(id.ToString("N")[..8], role);
        user.Id = id;
        w.Database.User = user;
    }

    private static async Task<IReadOnlyList<StaffFileDto>> UploadAsync(World w, AttachmentOwnerKind kind, Guid owner, params UploadedFile[] files)
    {
        var command = new UploadStaffFiles(kind, owner, null, files);
        var validation = new UploadStaffFilesValidator().Validate(command);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => e.ErrorCode)));
        await using var db = w.Database.NewContext();
        return await new UploadStaffFilesHandler(db, w.Database.User, w.Store, Photos, new UserDirectory(db, w.Database.Clock), w.Database.Clock)
            .Handle(command, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<StaffFileDto>> ListAsync(World w, AttachmentOwnerKind kind, Guid owner, StatementCounter? counter = null)
    {
        await using var db = counter is null ? w.Database.NewContext() : w.Database.NewContext(counter);
        return await new ListStaffFilesHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock)).Handle(new ListStaffFiles(kind, owner), CancellationToken.None);
    }

    private static async Task<byte[]> DownloadAsync(World w, Guid id)
    {
        await using var db = w.Database.NewContext();
        var file = await new GetStaffFileHandler(db, w.Store).Handle(new GetStaffFile(id), CancellationToken.None);
        await using var content = file.Content;
        using var memory = new MemoryStream();
        await content.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static async Task DeleteAsync(World w, Guid id)
    {
        await using var db = w.Database.NewContext();
        await new DeleteStaffFileHandler(db, w.Database.User, w.Store).Handle(new DeleteStaffFile(id), CancellationToken.None);
    }

    /// <summary>A 4000×3000 camera JPEG carrying EXIF with the camera's make and a GPS position.</summary>
    internal static byte[] CameraJpeg(uint width = 4000, uint height = 3000)
    {
        using var image = new MagickImage(MagickColors.SkyBlue, width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(23, 1), new Rational(0, 1)]);
        image.SetProfile(exif);
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    /// <summary>A PNG whose header declares <paramref name="width"/>×<paramref name="height"/> pixels (a decompression bomb's calling card), with a valid CRC.</summary>
    internal static byte[] PngDeclaring(uint width, uint height)
    {
        var ihdr = new byte[17];
        "IHDR"u8.CopyTo(ihdr);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(8), height);
        ihdr[12] = 8; // bit depth
        ihdr[13] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, ihdr);
        Chunk(png, [.. "IDAT"u8, 0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, [.. "IEND"u8]);
        return png.ToArray();

        static void Chunk(Stream to, byte[] typeAndData)
        {
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(number, (uint)typeAndData.Length - 4);
            to.Write(number);
            to.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
            to.Write(number);
        }
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public async Task A_camera_photo_is_stored_at_most_1600_px_as_jpeg_without_exif_or_gps()
    {
        await using var w = await WorldAsync();
        var original = CameraJpeg();
        using (var check = new MagickImage(original))
        {
            Assert.NotNull(check.GetExifProfile()); // the fixture really carries EXIF
        }

        var added = Assert.Single(await UploadAsync(w, AttachmentOwnerKind.Interaction, w.Visit, new UploadedFile("IMG_0001.JPG", original)));
        Assert.Equal((1600, 1200), (added.Width, added.Height));
        Assert.Equal(("IMG_0001.jpg", "image/jpeg", StaffFileCategory.Photo), (added.FileName, added.ContentType, added.Category));

        var stored = await DownloadAsync(w, added.Id);
        Assert.Equal(stored.LongLength, added.SizeBytes);
        Assert.True(stored.Length < original.Length);
        using var image = new MagickImage(stored);
        Assert.Equal(MagickFormat.Jpeg, image.Format);
        Assert.True(Math.Max(image.Width, image.Height) <= 1600);
        Assert.Null(image.GetExifProfile());
        Assert.Equal(-1, stored.AsSpan().IndexOf("TestPhone"u8));
    }

    [Fact]
    public async Task Content_is_judged_by_magic_bytes_and_a_bomb_is_refused_by_its_header_before_anything_is_stored()
    {
        await using var w = await WorldAsync();
        byte[] realPng;
        using (var small = new MagickImage(MagickColors.Red, 40, 30))
        {
            small.Format = MagickFormat.Png;
            realPng = small.ToByteArray();
        }

        // A PNG renamed .jpg: refused by the validator (400) whatever its name says.
        var renamed = new UploadStaffFilesValidator().Validate(new UploadStaffFiles(AttachmentOwnerKind.Project, w.Project, null, [new UploadedFile("photo.jpg", realPng)]));
        Assert.Contains(renamed.Errors, e => e.ErrorCode == "attachment.mismatch");
        var exe = new UploadStaffFilesValidator().Validate(new UploadStaffFiles(AttachmentOwnerKind.Project, w.Project, null, [new UploadedFile("合同.pdf", "MZ\x90\0"u8.ToArray())]));
        Assert.Contains(exe.Errors, e => e.ErrorCode == "attachment.mismatch");
        var six = Enumerable.Range(0, 6).Select(i => new UploadedFile($"{i}.pdf", "%PDF-1.7"u8.ToArray())).ToArray();
        Assert.Contains(new UploadStaffFilesValidator().Validate(new UploadStaffFiles(AttachmentOwnerKind.Project, w.Project, null, six)).Errors, e => e.ErrorCode == "staff_file.too_many");

        // The same PNG under its own name is accepted, and stored as a JPEG.
        var png = Assert.Single(await UploadAsync(w, AttachmentOwnerKind.Project, w.Project, new UploadedFile("执照.png", realPng)));
        Assert.Equal(("执照.jpg", "image/jpeg", 40, 30), (png.FileName, png.ContentType, png.Width!.Value, png.Height!.Value));

        // 20000×20000 declared in a 60-byte file: a 422 rule, and neither row nor file is left behind (the PDF beside it included).
        var bomb = PngDeclaring(20_000, 20_000);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            UploadAsync(w, AttachmentOwnerKind.Project, w.Project, new UploadedFile("纪要.pdf", "%PDF-1.7"u8.ToArray()), new UploadedFile("bomb.png", bomb)));
        Assert.Equal("photo.too_many_pixels", refused.Code);
        var wide = await Assert.ThrowsAsync<DomainRuleException>(() => UploadAsync(w, AttachmentOwnerKind.Project, w.Project, new UploadedFile("strip.png", PngDeclaring(60_000, 10))));
        Assert.Equal("photo.too_many_pixels", wide.Code);
        var garbage = await Assert.ThrowsAsync<DomainRuleException>(() =>
            UploadAsync(w, AttachmentOwnerKind.Project, w.Project, new UploadedFile("broken.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5])));
        Assert.Equal("photo.unreadable", garbage.Code);
        Assert.Single(await ListAsync(w, AttachmentOwnerKind.Project, w.Project));
    }

    [Fact]
    public async Task The_uploader_or_a_manager_deletes_a_colleague_may_not_and_both_are_in_the_audit_trail()
    {
        await using var w = await WorldAsync();
        var files = await UploadAsync(w, AttachmentOwnerKind.Enterprise, w.Enterprise,
            new UploadedFile("合同.pdf", "%PDF-1.7 contract"u8.ToArray()), new UploadedFile("纪要.pdf", "%PDF-1.7 minutes"u8.ToArray()));
        var contract = files.Single(f => f.FileName == "合同.pdf");
        var minutes = files.Single(f => f.FileName == "纪要.pdf");

        As(w, w.Colleague, Roles.Officer);
        Assert.All(await ListAsync(w, AttachmentOwnerKind.Enterprise, w.Enterprise), f => Assert.False(f.CanDelete));
        var forbidden = await Assert.ThrowsAsync<ForbiddenAccessException>(() => DeleteAsync(w, contract.Id));
        Assert.Equal("staff_file.delete_forbidden", forbidden.Said.Code);

        As(w, w.Officer, Roles.Officer);
        await DeleteAsync(w, contract.Id);
        As(w, w.Manager, Roles.Manager);
        Assert.True(Assert.Single(await ListAsync(w, AttachmentOwnerKind.Enterprise, w.Enterprise)).CanDelete);
        await DeleteAsync(w, minutes.Id);
        Assert.Empty(await ListAsync(w, AttachmentOwnerKind.Enterprise, w.Enterprise));
        await Assert.ThrowsAsync<NotFoundException>(() => DownloadAsync(w, contract.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => DeleteAsync(w, contract.Id));

        await using var db = w.Database.NewContext();
        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(StaffAttachment)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audits.Count(a => a.Action == AuditAction.Created));
        Assert.Single(audits, a => a.Action == AuditAction.Deleted && a.EntityId == contract.Id.ToString() && a.ActorId == w.Officer);
        Assert.Single(audits, a => a.Action == AuditAction.Deleted && a.EntityId == minutes.Id.ToString() && a.ActorId == w.Manager);
        Assert.Contains("合同.pdf", audits.First(a => a.Action == AuditAction.Created).Changes + audits.Last(a => a.Action == AuditAction.Created).Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_lists_its_own_and_its_visits_files_newest_first_in_a_fixed_number_of_statements()
    {
        await using var w = await WorldAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => ListAsync(w, AttachmentOwnerKind.Project, Guid.CreateVersion7()));
        await Assert.ThrowsAsync<NotFoundException>(() => UploadAsync(w, AttachmentOwnerKind.Interaction, Guid.CreateVersion7(), new UploadedFile("a.pdf", "%PDF-1.7"u8.ToArray())));

        await UploadAsync(w, AttachmentOwnerKind.Project, w.Project, new UploadedFile("first.pdf", "%PDF-1.7"u8.ToArray()));
        var one = new StatementCounter();
        Assert.Single(await ListAsync(w, AttachmentOwnerKind.Project, w.Project, one));

        for (var i = 0; i < 6; i++)
        {
            w.Database.Clock.Now = w.Database.Clock.Now.AddMinutes(1);
            As(w, i % 2 == 0 ? w.Colleague : w.Officer, Roles.Officer);
            await UploadAsync(w, i % 3 == 0 ? AttachmentOwnerKind.Interaction : AttachmentOwnerKind.Project, i % 3 == 0 ? w.Visit : w.Project, new UploadedFile($"{i}.pdf", "%PDF-1.7"u8.ToArray()));
        }

        await UploadAsync(w, AttachmentOwnerKind.Enterprise, w.Enterprise, new UploadedFile("licence.pdf", "%PDF-1.7"u8.ToArray()));
        var many = new StatementCounter();
        var list = await ListAsync(w, AttachmentOwnerKind.Project, w.Project, many);
        Assert.Equal(one.Queries.Count, many.Queries.Count);
        Assert.Equal(7, list.Count);
        Assert.Equal(2, list.Count(f => f.OwnerKind == AttachmentOwnerKind.Interaction && f.OwnerId == w.Visit));
        Assert.Equal(list.OrderByDescending(f => f.UploadedAtUtc).ThenByDescending(f => f.Id).Select(f => f.Id), list.Select(f => f.Id));
        Assert.All(list, f => Assert.NotNull(f.UploadedByName));
        Assert.Equal(["0.pdf", "3.pdf", "licence.pdf"], (await ListAsync(w, AttachmentOwnerKind.Enterprise, w.Enterprise)).Select(f => f.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await ListAsync(w, AttachmentOwnerKind.Interaction, w.Visit)).Count);
    }
}

public sealed class SqliteStaffFileHandlerTests() : StaffFileHandlerTests(DatabaseProvider.Sqlite);

public sealed class PostgresStaffFileHandlerTests() : StaffFileHandlerTests(DatabaseProvider.PostgreSql);
