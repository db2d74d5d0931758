using System.Buffers.Binary;
using System.Net;
using ImageMagick;
using KunshanInvest.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Staff files over HTTP on SQLite and PostgreSQL (ADR 0037): a visit photo uploaded as multipart comes back resized and
/// stripped, downloaded as an attachment with nosniff; bad files are 400, a bomb 422 (never 500); partners and department
/// users are refused the list and the file URL.
/// </summary>
public abstract class StaffFileApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static byte[] CameraJpeg()
    {
        using var image = new MagickImage(MagickColors.SkyBlue, 4000, 3000);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(23, 1), new Rational(0, 1)]);
        image.SetProfile(exif);
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    /// <summary>A PNG whose header declares 30000×30000 pixels in a few dozen bytes.</summary>
    private static byte[] PngBomb()
    {
        var ihdr = new byte[17];
        "IHDR"u8.CopyTo(ihdr);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 30_000);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(8), 30_000);
        (ihdr[12], ihdr[13]) = (8, 2);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var number = new byte[4];
        foreach (byte[] chunk in new[] { ihdr, [.. "IDAT"u8, 0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01], [.. "IEND"u8] })
        {
            BinaryPrimitives.WriteUInt32BigEndian(number, (uint)chunk.Length - 4);
            png.Write(number);
            png.Write(chunk);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc(chunk));
            png.Write(number);
        }

        return png.ToArray();

        static uint Crc(byte[] data)
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
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string? category, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (category is not null)
        {
            form.Add(new StringContent(category), "category");
        }

        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task A_visit_photo_is_resized_stripped_listed_on_the_project_and_downloaded_as_an_attachment()
    {
        var (officer, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(officer);
        await fixture.AddInteractionsAsync(project, officer, 1);
        var visit = await fixture.QueryAsync(db => db.Interactions.Where(i => i.ProjectId == project).Select(i => i.Id).SingleAsync());

        var uploaded = await UploadAsync(client, $"/api/v1/interactions/{visit}/files", null, ("IMG_2041.JPG", CameraJpeg()));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var photo = (await uploaded.JsonAsync())[0];
        Assert.Equal(("Photo", 1600, 1200), (photo.GetProperty("category").GetString(), photo.GetProperty("width").GetInt32(), photo.GetProperty("height").GetInt32()));

        var contract = await UploadAsync(client, $"/api/v1/projects/{project}/files", "Contract", ("投资协议.pdf", PortalWork.PdfBytes));
        Assert.Equal(HttpStatusCode.Created, contract.StatusCode);

        var list = await (await client.GetAsync($"/api/v1/projects/{project}/files")).JsonAsync();
        Assert.Equal(2, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), f => f.GetProperty("ownerKind").GetString() == "Interaction" && f.GetProperty("ownerId").GetGuid() == visit);

        var download = await client.GetAsync($"/api/v1/files/{photo.Id()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        using var image = new MagickImage(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal((1600u, 1200u), (image.Width, image.Height));
        Assert.Null(image.GetExifProfile());

        using var auditor = await fixture.ClientAsync("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/files/{photo.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(auditor, $"/api/v1/projects/{project}/files", null, ("x.pdf", PortalWork.PdfBytes))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.DeleteAsync($"/api/v1/files/{photo.Id()}")).StatusCode);
        using var partner = await fixture.ClientAsync("partner");
        using var dept = await fixture.ClientAsync("dept");
        foreach (var outsider in new[] { partner, dept })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/v1/files/{photo.Id()}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/v1/projects/{project}/files")).StatusCode);
        }
    }

    [Fact]
    public async Task Bad_files_are_400_a_bomb_is_422_and_a_colleague_may_not_delete()
    {
        var (officer, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(officer);
        var url = $"/api/v1/projects/{project}/files";
        byte[] png;
        using (var small = new MagickImage(MagickColors.Red, 20, 20))
        {
            small.Format = MagickFormat.Png;
            png = small.ToByteArray();
        }

        await (await UploadAsync(client, url, null, ("renamed.jpg", png))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(client, url, null, ("tool.exe", [0x4D, 0x5A]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(client, url, "Poster", ("a.pdf", PortalWork.PdfBytes))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(client, url, null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var bomb = await (await UploadAsync(client, url, null, ("bomb.png", PngBomb()))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("photo.too_many_pixels", bomb.ToString(), StringComparison.Ordinal);
        await (await UploadAsync(client, $"/api/v1/projects/{Guid.CreateVersion7()}/files", null, ("a.pdf", PortalWork.PdfBytes))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await client.GetAsync(url)).JsonAsync()).GetArrayLength());

        var file = (await (await UploadAsync(client, url, null, ("纪要.pdf", PortalWork.PdfBytes))).JsonAsync())[0].Id();
        var (_, colleague) = await fixture.NewUserAsync(Roles.Officer);
        await (await colleague.DeleteAsync($"/api/v1/files/{file}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/files/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/files/{file}")).StatusCode);
    }
}

public sealed class SqliteStaffFileApiTests(SqliteApp fixture) : StaffFileApiTests<SqliteApp>(fixture);

public sealed class PostgresStaffFileApiTests(PostgresApp fixture) : StaffFileApiTests<PostgresApp>(fixture);
