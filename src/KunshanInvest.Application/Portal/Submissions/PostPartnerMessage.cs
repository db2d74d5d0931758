using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Submissions;

/// <summary>The partner writes to the bureau about its submission.</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record PostPartnerMessage(Guid SubmissionId, string? Body) : ICommand<MessageDto>;

public sealed class PostPartnerMessageValidator : AbstractValidator<PostPartnerMessage>
{
    public PostPartnerMessageValidator() =>
        RuleFor(x => x.Body).NotEmpty().WithMsg(M.WriteMessage).MaximumLength(SubmissionMessage.BodyMaxLength);
}

public sealed class PostPartnerMessageHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : ICommandHandler<PostPartnerMessage, MessageDto>
{
    public async ValueTask<MessageDto> Handle(PostPartnerMessage command, CancellationToken cancellationToken)
    {
        var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
        var me = user.RequireId();
        if (!await db.Submissions.AnyAsync(s => s.Id == command.SubmissionId && s.PartnerId == partnerId, cancellationToken))
        {
            throw new NotFoundException("Submission", command.SubmissionId);
        }

        var message = new SubmissionMessage(command.SubmissionId, partnerId, me, fromBureau: false, isInternal: false, command.Body!.Trim(), clock.GetUtcNow().UtcDateTime);
        db.SubmissionMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([me], cancellationToken);
        return new MessageDto(message.Id, false, false, names.GetValueOrDefault(me) ?? "", message.Body, message.AtUtc);
    }
}
