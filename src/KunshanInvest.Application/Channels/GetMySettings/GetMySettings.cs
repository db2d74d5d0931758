using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Channels.GetMySettings;

/// <summary>The signed-in staff user's own settings: e-mail on/off, robot channels and mention ids, language, two-step verification.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetMySettings : IQuery<MySettingsDto>;

public sealed class GetMySettingsHandler(IAppDbContext db, ICurrentUser user, IMyAccount account) : IQueryHandler<GetMySettings, MySettingsDto>
{
    public async ValueTask<MySettingsDto> Handle(GetMySettings query, CancellationToken cancellationToken) =>
        await MySettingsReads.ReadAsync(db, account, user.RequireId(), cancellationToken);
}
