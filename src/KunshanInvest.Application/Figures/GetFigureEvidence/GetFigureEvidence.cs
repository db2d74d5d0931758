using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Submissions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures.GetFigureEvidence;

/// <summary>A figure's evidence file, for bureau staff only (partners never see a project's figures' proofs).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetFigureEvidence(Guid FigureId) : IQuery<AttachmentFile>;

public sealed class GetFigureEvidenceHandler(IAppDbContext db, IAttachmentStore store) : IQueryHandler<GetFigureEvidence, AttachmentFile>
{
    public async ValueTask<AttachmentFile> Handle(GetFigureEvidence query, CancellationToken cancellationToken)
    {
        var evidence = await db.FigureEntries.AsNoTracking()
            .Where(f => f.Id == query.FigureId)
            .Select(f => new { f.EvidenceStoredName, f.EvidenceFileName, f.EvidenceContentType })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("FigureEntry", query.FigureId);
        if (evidence.EvidenceStoredName is null)
        {
            throw new NotFoundException("FigureEvidence", query.FigureId);
        }

        return new AttachmentFile(store.OpenRead(evidence.EvidenceStoredName), evidence.EvidenceFileName ?? "evidence", evidence.EvidenceContentType ?? "application/octet-stream");
    }
}
