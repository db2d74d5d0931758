using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Submissions;

/// <summary>The caller's organisation's submissions, newest first (at most 200).</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record ListMySubmissions : IQuery<IReadOnlyList<SubmissionListItem>>;

public sealed class ListMySubmissionsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMySubmissions, IReadOnlyList<SubmissionListItem>>
{
    public async ValueTask<IReadOnlyList<SubmissionListItem>> Handle(ListMySubmissions query, CancellationToken cancellationToken)
    {
        var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
        return await db.Submissions.AsNoTracking()
            .Where(s => s.PartnerId == partnerId)
            .OrderByDescending(s => s.SubmittedAtUtc)
            .Take(200)
            .Select(s => new SubmissionListItem(s.Id, s.Reference, s.EnterpriseNameZh ?? s.EnterpriseNameEn ?? "", s.Status, s.SubmittedAtUtc, s.AlreadyReported))
            .ToListAsync(cancellationToken);
    }
}
