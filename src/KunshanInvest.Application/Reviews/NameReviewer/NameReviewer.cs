using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews.NameReviewer;

/// <summary>An admin names a member of staff a reviewer (a note may say whom they speak for); named twice: 409.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record NameReviewer(Guid UserId, string? Note) : ICommand<ReviewerDto>;

public sealed class NameReviewerValidator : AbstractValidator<NameReviewer>
{
    public NameReviewerValidator() => RuleFor(x => x.Note).ReviewText(NamedReviewer.NoteMaxLength);
}

public sealed class NameReviewerHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : ICommandHandler<NameReviewer, ReviewerDto>
{
    public async ValueTask<ReviewerDto> Handle(NameReviewer command, CancellationToken cancellationToken)
    {
        if (!await users.IsStaffAsync(command.UserId, cancellationToken))
        {
            throw M.ReviewerNotStaff.Rule();
        }

        if (await db.NamedReviewers.AnyAsync(r => r.UserId == command.UserId, cancellationToken))
        {
            throw new ConflictException(M.ReviewerNamed);
        }

        var reviewer = new NamedReviewer(command.UserId, command.Note, user.RequireId(), clock.GetUtcNow().UtcDateTime);
        db.NamedReviewers.Add(reviewer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The unique index on the user: another admin named them since the check.
            throw new ConflictException(M.ReviewerNamed, ex);
        }

        var names = await users.DisplayNamesAsync([reviewer.UserId], cancellationToken);
        return new ReviewerDto(reviewer.Id, reviewer.UserId, names.GetValueOrDefault(reviewer.UserId), reviewer.Note, reviewer.NamedAtUtc);
    }
}
