using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>Partner organisations for administrators, pending first (oldest registration first), with their member counts.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListPartners(PartnerStatus? Status = null) : IQuery<IReadOnlyList<PartnerSummary>>;

public sealed record PartnerSummary(Guid Id, string NameZh, string? NameEn, PartnerType Type, string Country, PartnerStatus Status, DateTime RegisteredAtUtc, int Members, int Submissions, int Version);

public sealed class ListPartnersHandler(IAppDbContext db) : IQueryHandler<ListPartners, IReadOnlyList<PartnerSummary>>
{
    public async ValueTask<IReadOnlyList<PartnerSummary>> Handle(ListPartners query, CancellationToken cancellationToken) =>
        await db.Partners.AsNoTracking()
            .Where(p => query.Status == null || p.Status == query.Status)
            .OrderBy(p => p.Status).ThenBy(p => p.RegisteredAtUtc)
            .Take(500)
            .Select(p => new PartnerSummary(p.Id, p.NameZh, p.NameEn, p.Type, p.Country, p.Status, p.RegisteredAtUtc,
                db.PartnerMembers.Count(m => m.PartnerId == p.Id), db.Submissions.Count(s => s.PartnerId == p.Id), p.Version))
            .ToListAsync(cancellationToken);
}

/// <summary>Approves a pending organisation or reinstates a suspended one; its members are notified.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ApprovePartner(Guid PartnerId) : ICommand<PartnerSummary>;

/// <summary>Suspends an organisation: its members cannot sign in, and open sessions lose their roles on the next request.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SuspendPartner(Guid PartnerId, string? Note) : ICommand<PartnerSummary>;

public sealed class SuspendPartnerValidator : AbstractValidator<SuspendPartner>
{
    public SuspendPartnerValidator() => RuleFor(x => x.Note).MaximumLength(Partner.NoteMaxLength);
}

public sealed class PartnerStatusHandlers(IAppDbContext db, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ApprovePartner, PartnerSummary>, ICommandHandler<SuspendPartner, PartnerSummary>
{
    public async ValueTask<PartnerSummary> Handle(ApprovePartner command, CancellationToken cancellationToken) =>
        await ChangeAsync(command.PartnerId, (p, now) => p.Approve(now), "partner.approved", "合作机构已通过审核 / Your organisation was approved", cancellationToken);

    public async ValueTask<PartnerSummary> Handle(SuspendPartner command, CancellationToken cancellationToken) =>
        await ChangeAsync(command.PartnerId, (p, now) => p.Suspend(command.Note, now), "partner.suspended", "合作机构已被暂停 / Your organisation was suspended", cancellationToken);

    private async Task<PartnerSummary> ChangeAsync(Guid id, Action<Partner, DateTime> change, string kind, string title, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Partner", id);
        change(partner, clock.GetUtcNow().UtcDateTime);
        var members = await db.PartnerMembers.AsNoTracking().Where(m => m.PartnerId == id).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            notifier.Notify(member, kind, title, partner.NameZh, "/portal");
        }

        await db.SaveChangesAsync(cancellationToken);
        var counts = await db.Partners.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Submissions = db.Submissions.Count(s => s.PartnerId == p.Id) })
            .SingleAsync(cancellationToken);
        return new PartnerSummary(partner.Id, partner.NameZh, partner.NameEn, partner.Type, partner.Country, partner.Status, partner.RegisteredAtUtc, members.Count, counts.Submissions, partner.Version);
    }
}
