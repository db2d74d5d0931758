using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Projects.GetProject;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Bench;

/// <summary>
/// One project page (an operating project with a long history). Baseline: the project and its stage changes, the
/// names of what it links to, the people named in its history — the handler's three statements, by hand.
/// </summary>
public class ProjectDetailBenchmarks : HandlerBenchmark
{
    private Guid _id;

    protected override void Setup() =>
        _id = Single(
            $"SELECT \"Id\" FROM \"Projects\" WHERE \"Stage\" = {(int)ProjectStage.Operating} ORDER BY \"Code\" LIMIT 1",
            r => ReadGuid(r, 0));

    [Benchmark(Baseline = true), BenchmarkCategory("project detail")]
    public async Task<int> Detail_Sql()
    {
        var project = await ListAsync(
            "SELECT p.*, c.\"Id\", c.\"From\", c.\"To\", c.\"AtUtc\", c.\"ByUserId\", c.\"Note\", c.\"IsJump\", c.\"IsBackward\" " +
            "FROM \"Projects\" p LEFT JOIN \"StageChanges\" c ON c.\"ProjectId\" = p.\"Id\" WHERE p.\"Id\" = @id ORDER BY c.\"AtUtc\"",
            r => (Owner: ReadGuid(r, r.GetOrdinal("OwnerId")), By: ReadNullableGuid(r, r.FieldCount - 4), Code: r.GetString(r.GetOrdinal("Code"))),
            ("@id", _id));
        var names = await ListAsync(
            "SELECT e.\"NameZh\", e.\"NameEn\", s.\"NameZh\", s.\"NameEn\", k.\"NameZh\", k.\"NameEn\", v.\"NameZh\", x.\"Code\", " +
            "s.\"SignedDays\", s.\"RegisteredDays\", s.\"LandSecuredDays\", s.\"UnderConstructionDays\", s.\"OperatingDays\", s.\"AboveScaleDays\" " +
            "FROM \"Projects\" p LEFT JOIN \"Enterprises\" e ON e.\"Id\" = p.\"EnterpriseId\" LEFT JOIN \"Sectors\" s ON s.\"Id\" = p.\"SectorId\" " +
            "LEFT JOIN \"Parks\" k ON k.\"Id\" = p.\"ParkId\" LEFT JOIN \"Events\" v ON v.\"Id\" = p.\"EventId\" " +
            "LEFT JOIN \"Projects\" x ON x.\"Id\" = p.\"ExpansionOfProjectId\" WHERE p.\"Id\" = @id",
            r => ReadString(r, 0),
            ("@id", _id));
        var people = project.Select(p => p.Owner).Concat(project.Where(p => p.By is not null).Select(p => p.By!.Value)).Distinct().ToList();
        var users = await ListAsync(
            $"SELECT \"Id\", \"DisplayName\" FROM \"AspNetUsers\" WHERE \"Id\" IN ({string.Join(", ", people.Select((_, i) => $"@u{i}"))})",
            r => r.GetString(1),
            [.. people.Select((u, i) => ($"@u{i}", (object?)u))]);
        return project.Count + names.Count + users.Count;
    }

    [Benchmark, BenchmarkCategory("project detail")]
    public async Task<int> Detail_Handler() => (await Host.QueryAsync(Officer, new GetProject(_id))).StageChanges.Count;
}
