using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

/// <summary>Submissions for staff, open ones (Submitted, UnderReview) by default, oldest first; the duplicate check is already done.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListTriageQueue(bool IncludeDecided = false) : IQuery<IReadOnlyList<TriageItem>>;

public sealed class ListTriageQueueHandler(IAppDbContext db) : IQueryHandler<ListTriageQueue, IReadOnlyList<TriageItem>>
{
    public async ValueTask<IReadOnlyList<TriageItem>> Handle(ListTriageQueue query, CancellationToken cancellationToken) =>
        await TriageItems.Items(db, s => query.IncludeDecided || s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.UnderReview)
            .Take(300)
            .ToListAsync(cancellationToken);
}
