using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews.DecideReview;

/// <summary>
/// A manager decides a pending round: 通过, 有条件通过 with the conditions, or 不通过 with the reasons. Nothing passes
/// without an opinion or past a veto, and a sheet short of a threshold passes only with conditions (422). A decided or
/// revised round: 409; two decisions at once: one wins, the other 409.
/// </summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record DecideReview(Guid ReviewId, ReviewOutcome Outcome, string? Text) : ICommand<ReviewDto>;

public sealed class DecideReviewValidator : AbstractValidator<DecideReview>
{
    public DecideReviewValidator()
    {
        RuleFor(x => x.Text).ReviewText(ProjectReview.TextMaxLength);
        RuleFor(x => x.Outcome).IsInEnum().WithMsg(M.ReviewOutcome);
    }
}

public sealed class DecideReviewHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : ICommandHandler<DecideReview, ReviewDto>
{
    public async ValueTask<ReviewDto> Handle(DecideReview command, CancellationToken cancellationToken)
    {
        var review = await db.ProjectReviews.Include(r => r.Opinions).SingleOrDefaultAsync(r => r.Id == command.ReviewId, cancellationToken)
            ?? throw new NotFoundException("ProjectReview", command.ReviewId);
        review.Decide(command.Outcome, command.Text, user.RequireId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(review.Opinions.Select(o => o.ReviewerId).Append(review.SubmittedById).Append(user.RequireId()), cancellationToken);
        return ReviewReads.ToDto(review, names);
    }
}
