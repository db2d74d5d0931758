using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

/// <summary>A staff message to the partner, or an internal note the partner never sees.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record AddStaffMessage(Guid SubmissionId, string? Body, bool Internal) : ICommand<MessageDto>;

public sealed class AddStaffMessageValidator : AbstractValidator<AddStaffMessage>
{
    public AddStaffMessageValidator() =>
        RuleFor(x => x.Body).NotEmpty().WithMsg(M.WriteSomething).MaximumLength(SubmissionMessage.BodyMaxLength);
}

public sealed class AddStaffMessageHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, Notifier notifier, TimeProvider clock) : ICommandHandler<AddStaffMessage, MessageDto>
{
    public async ValueTask<MessageDto> Handle(AddStaffMessage command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var submission = await db.Submissions.AsNoTracking().Where(s => s.Id == command.SubmissionId).Select(s => new { s.Id, s.PartnerId, s.Reference }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Submission", command.SubmissionId);
        var message = new SubmissionMessage(submission.Id, submission.PartnerId, me, fromBureau: true, command.Internal, command.Body!.Trim(), clock.GetUtcNow().UtcDateTime);
        db.SubmissionMessages.Add(message);
        if (!command.Internal)
        {
            await SubmissionConversation.NotifyPartnerAsync(db, notifier, submission.PartnerId, submission.Id, "submission.message", M.BureauMessageNotice.With(("reference", submission.Reference)), null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([me], cancellationToken);
        return new MessageDto(message.Id, true, message.IsInternal, names.GetValueOrDefault(me) ?? "", message.Body, message.AtUtc);
    }
}
