namespace KunshanInvest.CrashLoad;

/// <summary>What the database holds after the run, compared with what the server acknowledged.</summary>
internal sealed record Counted(
    int InDatabase,
    int Duplicates,
    int Missing,
    int KeyProblems,
    int ClaimsLeftInFlight,
    int AttachmentsPresent,
    int AttachmentProblems,
    int OrphanFiles,
    IReadOnlyList<string> Problems);

internal static class Verifier
{
    private const int Completed = 1;

    /// <summary>
    /// Counts the run's submissions (by their unique enterprise name) and idempotency keys directly in the database:
    /// every acknowledged reference must be there once, under its key, with its attachment row and file.
    /// </summary>
    public static async Task<Counted> CountAsync(Database database, IReadOnlyList<Item> items, string tag, string attachmentFolder, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var byName = items.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var byKey = items.ToDictionary(i => i.Key, StringComparer.Ordinal);

        var submissions = await database.QueryAsync(
            "SELECT s.\"Id\", s.\"Reference\", s.\"EnterpriseNameZh\" FROM \"PartnerSubmissions\" s WHERE s.\"EnterpriseNameZh\" LIKE @name",
            new Dictionary<string, object> { ["@name"] = $"压测企业 {tag} #%" }, cancellationToken);
        var rows = submissions.Select(r => (Id: Database.GuidText(r[0]), Reference: (string)r[1]!, Name: (string)r[2]!)).ToList();

        var duplicates = rows.GroupBy(r => r.Name, StringComparer.Ordinal).Sum(g => g.Count() - 1)
            + rows.GroupBy(r => r.Reference, StringComparer.Ordinal).Sum(g => g.Count() - 1);
        foreach (var group in rows.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{group.Key} exists {group.Count()} times: {string.Join(", ", group.Select(r => r.Reference))}");
        }

        var strays = rows.Where(r => !byName.ContainsKey(r.Name)).ToList();
        problems.AddRange(strays.Select(r => $"unexpected submission {r.Reference} {r.Name}"));

        var rowsByName = rows.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = 0;
        foreach (var item in items.Where(i => i.Receipt is not null))
        {
            if (!rowsByName.TryGetValue(item.Name, out var row))
            {
                missing++;
                problems.Add($"acknowledged {item.Reference} ({item.Key}) is not in the database");
            }
            else if (row.Reference != item.Reference || row.Id != Database.GuidText(item.SubmissionId))
            {
                missing++;
                problems.Add($"acknowledged {item.Reference} ({item.Key}) but the database holds {row.Reference} for it");
            }
        }

        var records = await database.QueryAsync(
            "SELECT r.\"Key\", r.\"State\", r.\"SubmissionId\" FROM \"IdempotencyRecords\" r WHERE r.\"Key\" LIKE @key",
            new Dictionary<string, object> { ["@key"] = $"crash-{tag}-%" }, cancellationToken);
        var keyProblems = 0;
        var inFlight = 0;
        foreach (var group in records.GroupBy(r => (string)r[0]!, StringComparer.Ordinal))
        {
            var record = group.First();
            var state = Convert.ToInt32(record[1], System.Globalization.CultureInfo.InvariantCulture);
            inFlight += group.Count(r => Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture) != Completed);
            if (group.Count() > 1 || !byKey.TryGetValue(group.Key, out var item) || state != Completed || Database.GuidText(record[2]) != Database.GuidText(item.SubmissionId))
            {
                keyProblems++;
                problems.Add($"key {group.Key}: {group.Count()} record(s), state {state}, submission {Database.GuidText(record[2])}");
            }
        }

        var keyed = records.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Receipt is not null && !keyed.Contains(i.Key)))
        {
            keyProblems++;
            problems.Add($"key {item.Key} has no record");
        }

        var attachments = await database.QueryAsync(
            "SELECT s.\"EnterpriseNameZh\", a.\"StoredName\", a.\"SizeBytes\" FROM \"SubmissionAttachments\" a JOIN \"PartnerSubmissions\" s ON s.\"Id\" = a.\"SubmissionId\" WHERE s.\"EnterpriseNameZh\" LIKE @name",
            new Dictionary<string, object> { ["@name"] = $"压测企业 {tag} #%" }, cancellationToken);
        var filesByName = attachments.GroupBy(a => (string)a[0]!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var present = 0;
        var attachmentProblems = 0;
        foreach (var item in items.Where(i => i.Receipt is not null))
        {
            var files = filesByName.GetValueOrDefault(item.Name) ?? [];
            if (!item.WithFile)
            {
                if (files.Count != 0)
                {
                    attachmentProblems++;
                    problems.Add($"{item.Key} sent no file but has {files.Count}");
                }

                continue;
            }

            var path = files.Count == 1 ? Path.Combine(attachmentFolder, (string)files[0][1]!) : null;
            if (path is not null && File.Exists(path) && new FileInfo(path).Length == item.FileContent.Length
                && Convert.ToInt64(files[0][2], System.Globalization.CultureInfo.InvariantCulture) == item.FileContent.Length
                && File.ReadAllBytes(path).AsSpan().SequenceEqual(item.FileContent))
            {
                present++;
            }
            else
            {
                attachmentProblems++;
                problems.Add($"{item.Key}: {files.Count} attachment row(s), file {(path is not null && File.Exists(path) ? "differs" : "missing")}");
            }
        }

        // Files written by requests killed before their commit: garbage on disk, not a loss (their retry wrote its own).
        var stored = (await database.QueryAsync("SELECT \"StoredName\" FROM \"SubmissionAttachments\"", new Dictionary<string, object>(), cancellationToken))
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.Exists(attachmentFolder)
            ? Directory.EnumerateFiles(attachmentFolder).Count(f => !stored.Contains(Path.GetFileName(f)))
            : 0;

        return new Counted(rows.Count, duplicates, missing, keyProblems, inFlight, present, attachmentProblems, orphans, problems);
    }
}
