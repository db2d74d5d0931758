using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Milestones.GetMilestoneEvidence;

/// <summary>The file that proves a milestone (permit, start photo, filing, invoice, check report): staff, 404 without one.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetMilestoneEvidence(Guid ProjectId, MilestoneKind Kind) : IQuery<AttachmentFile>;

public sealed class GetMilestoneEvidenceHandler(IAppDbContext db, IAttachmentStore store) : IQueryHandler<GetMilestoneEvidence, AttachmentFile>
{
    public async ValueTask<AttachmentFile> Handle(GetMilestoneEvidence query, CancellationToken cancellationToken)
    {
        var evidence = await db.Milestones.AsNoTracking()
            .Where(m => m.ProjectId == query.ProjectId && m.Kind == query.Kind && m.EvidenceStoredName != null)
            .Select(m => new { m.EvidenceStoredName, m.EvidenceFileName, m.EvidenceContentType })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("MilestoneEvidence", $"{query.ProjectId}/{query.Kind}");
        return new AttachmentFile(store.OpenRead(evidence.EvidenceStoredName!), evidence.EvidenceFileName ?? "evidence", evidence.EvidenceContentType ?? "application/octet-stream");
    }
}
