using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Projects;

internal static class ProjectAccess
{
    /// <summary>
    /// Loads a project for a change by its owner or a manager; any other officer gets 403 (staff may read every
    /// project, but only the owner works it). The expected version makes a stale edit a 409.
    /// </summary>
    public static async Task<InvestmentProject> LoadForEditAsync(IAppDbContext db, ICurrentUser user, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Project", id);
        if (project.OwnerId != user.RequireId() && !user.IsManagerOrAdmin())
        {
            throw new ForbiddenAccessException(M.OnlyOwnerOrManager);
        }

        if (expectedVersion is { } version)
        {
            db.ExpectVersion(project, version);
        }

        return project;
    }
}
