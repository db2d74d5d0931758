using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.History;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Contacts;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Enterprises.GetEnterprise;

/// <summary>One enterprise with its contacts, projects and audit history — four SQL statements whatever their number.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetEnterprise(Guid Id) : IQuery<EnterpriseDetail>;

/// <param name="MergedInto">Set when this record was merged into another: edit that one instead.</param>
/// <param name="History">The latest changes of the enterprise record itself, newest first.</param>
public sealed record EnterpriseDetail(
    Guid Id,
    string? NameZh,
    string? NameEn,
    string? CreditCode,
    string Country,
    Ownership Ownership,
    bool Fortune500,
    bool Listed,
    string? Website,
    string? Note,
    bool IsDemo,
    EnterpriseReference? MergedInto,
    int Version,
    IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<EnterpriseProject> Projects,
    IReadOnlyList<HistoryEntry> History,
    StatisticsType StatisticsType = StatisticsType.Industrial);

public sealed record EnterpriseReference(Guid Id, string? NameZh, string? NameEn);

public sealed record EnterpriseProject(Guid Id, string Code, string Name, ProjectStage Stage, Guid OwnerId);

public sealed class GetEnterpriseHandler(IAppDbContext db) : IQueryHandler<GetEnterprise, EnterpriseDetail>
{
    public async ValueTask<EnterpriseDetail> Handle(GetEnterprise query, CancellationToken cancellationToken) =>
        await EnterpriseDetails.LoadAsync(db, query.Id, cancellationToken) ?? throw new NotFoundException(nameof(Enterprise), query.Id);
}

/// <summary>The detail read, shared by the commands that answer with the record they changed.</summary>
internal static class EnterpriseDetails
{
    public static async Task<EnterpriseDetail?> LoadAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        // A plain left join: a FirstOrDefault subquery here becomes a window over every enterprise on some providers.
        var enterprise = await (
                from e in db.Enterprises.AsNoTracking().Where(e => e.Id == id)
                join s in db.Enterprises.AsNoTracking() on e.MergedIntoId equals (Guid?)s.Id into survivors
                from s in survivors.DefaultIfEmpty()
                select new
                {
                    e.Id, e.NameZh, e.NameEn, e.CreditCode, e.Country, e.Ownership, e.IsFortune500, e.IsListed, e.Website, e.Note, e.IsDemo, e.Version, e.StatisticsType,
                    MergedInto = s == null ? null : new EnterpriseReference(s.Id, s.NameZh, s.NameEn),
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (enterprise is null)
        {
            return null;
        }

        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.EnterpriseId == id)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(ContactDto.Projection)
            .ToListAsync(cancellationToken);

        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.EnterpriseId == id)
            .OrderBy(p => p.Code)
            .Select(p => new EnterpriseProject(p.Id, p.Code, p.Name, p.Stage, p.OwnerId))
            .ToListAsync(cancellationToken);

        // The caller passed this request's authorisation; the history is part of what it may read.
        var history = await new GetHistoryHandler(db).Handle(new GetHistory(nameof(Enterprise), id), cancellationToken);

        return new EnterpriseDetail(
            enterprise.Id, enterprise.NameZh, enterprise.NameEn, enterprise.CreditCode, enterprise.Country, enterprise.Ownership,
            enterprise.IsFortune500, enterprise.IsListed, enterprise.Website, enterprise.Note, enterprise.IsDemo, enterprise.MergedInto,
            enterprise.Version, contacts, projects, history, enterprise.StatisticsType);
    }
}
