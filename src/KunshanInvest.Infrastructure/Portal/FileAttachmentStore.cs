using System.Security.Cryptography;
using KunshanInvest.Application.Portal;
using Microsoft.Extensions.Hosting;

namespace KunshanInvest.Infrastructure.Portal;

/// <summary>
/// Attachments as files in {Database:DataDirectory}/attachments, named by 128 random bits: outside the web root, and
/// never a client-supplied name or path.
/// </summary>
internal sealed class FileAttachmentStore(DatabaseOptions options, IHostEnvironment environment) : IAttachmentStore
{
    private readonly string _folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataDirectory, "attachments"));

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ".bin";
        await using var file = new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await file.WriteAsync(content, cancellationToken);
        await file.FlushAsync(cancellationToken);
        return name;
    }

    public Stream OpenRead(string storedName) =>
        new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);

    public void Delete(string storedName)
    {
        try
        {
            File.Delete(PathOf(storedName));
        }
        catch (IOException)
        {
            // Best effort: an orphan file is harmless (no row points at it, and its name cannot be guessed).
        }
    }

    private string PathOf(string storedName)
    {
        // Stored names are generated here; anything else (a path, "..") is refused outright.
        if (storedName.Length != 36 || !storedName.EndsWith(".bin", StringComparison.Ordinal) || !storedName[..32].All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidOperationException("Not a stored attachment name.");
        }

        return Path.Combine(_folder, storedName);
    }
}
