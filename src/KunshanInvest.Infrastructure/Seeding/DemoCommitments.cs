using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>A demo agreement commitment: a fixed check date, or one <c>checkInDays</c> from today (due ones stay due).</summary>
internal sealed record CommitmentSeed(bool Demo, string Project, CommitmentMetric Metric, long? Target, DateOnly? CheckOn, int? CheckInDays, string? Clause, DateOnly? MilestoneOn);

/// <summary>
/// Demo commitments (seeds/demo-commitments.json): some met, some missed, some due. A date commitment met in the demo
/// carries its milestone's actual date (<c>milestoneOn</c>), recorded when the project has no such milestone yet.
/// Matched on project, metric and clause, so a second run adds nothing.
/// </summary>
internal static class DemoCommitments
{
    public static async Task LoadAsync(AppDbContext db, string folder, IReadOnlyDictionary<string, Guid> users, TimeProvider clock, SeedReport report, CancellationToken cancellationToken)
    {
        var seeds = await SeedFiles.ReadAsync<CommitmentSeed>(folder, "demo-commitments.json", cancellationToken);
        var codes = seeds.Select(s => s.Project).Distinct().ToList();
        var projects = await db.Projects.Where(p => codes.Contains(p.Code)).Select(p => new { p.Id, p.Code, p.OwnerId }).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        var ids = projects.Values.Select(p => p.Id).ToList();
        var existing = (await db.Commitments.Where(c => ids.Contains(c.ProjectId)).Select(c => new { c.ProjectId, c.Metric, c.Clause }).ToListAsync(cancellationToken))
            .Select(c => (c.ProjectId, c.Metric, c.Clause)).ToHashSet();
        var milestones = (await db.Milestones.Where(m => ids.Contains(m.ProjectId)).Select(m => new { m.ProjectId, m.Kind }).ToListAsync(cancellationToken))
            .Select(m => (m.ProjectId, m.Kind)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.BureauToday();
        var creator = users.TryGetValue("manager", out var manager) ? manager : users.Values.First();
        foreach (var seed in seeds)
        {
            if (!projects.TryGetValue(seed.Project, out var project))
            {
                continue;
            }

            var added = existing.Add((project.Id, seed.Metric, seed.Clause));
            if (added)
            {
                var checkOn = seed.CheckOn ?? today.AddDays(seed.CheckInDays ?? 0);
                var commitment = new AgreementCommitment(project.Id, seed.Metric, seed.Target, checkOn, seed.Clause, creator, now);
                commitment.MarkDemo();
                db.Commitments.Add(commitment);
                if (seed.MilestoneOn is { } reached && seed.Metric.Milestone() is { } kind && milestones.Add((project.Id, kind)))
                {
                    var milestone = new ProjectMilestone(project.Id, kind, project.OwnerId, now);
                    milestone.Reach(reached, project.OwnerId, now);
                    milestone.MarkDemo();
                    db.Milestones.Add(milestone);
                    report.Count("milestones (demo commitments)", true);
                }
            }

            report.Count("commitments (demo)", added);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
