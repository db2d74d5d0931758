using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews.RecordReviewOpinion;

/// <summary>
/// A reviewer's opinion on a pending round (同意, 有条件同意 with the conditions, 不同意 with the reasons), optionally with
/// a veto on environment, safety or energy and scores per criterion; a reviewer who speaks again replaces their opinion.
/// Reviewers are the managers and the users an admin named (anyone else: 403); a decided or revised round: 409.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RecordReviewOpinion(Guid ReviewId, ReviewOpinionKind Kind, string? Comment, ReviewVeto? Veto, ReviewScores? Scores) : ICommand<ReviewDto>;

public sealed class RecordReviewOpinionValidator : AbstractValidator<RecordReviewOpinion>
{
    public RecordReviewOpinionValidator()
    {
        RuleFor(x => x.Comment).ReviewText(ProjectReview.TextMaxLength);
        RuleFor(x => x.Kind).IsInEnum().WithMsg(M.ReviewOpinion);
        RuleFor(x => x.Veto!.Value).IsInEnum().WithMsg(M.ReviewVeto).When(x => x.Veto is not null);
        RuleFor(x => x.Scores).Must(s => s is null || s.All.All(v => v is null or >= 0 and <= ReviewScores.Max)).WithMsg(M.ReviewScore);
    }
}

public sealed class RecordReviewOpinionHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock)
    : ICommandHandler<RecordReviewOpinion, ReviewDto>
{
    public async ValueTask<ReviewDto> Handle(RecordReviewOpinion command, CancellationToken cancellationToken)
    {
        if (!await ReviewerAccess.IsReviewerAsync(db, user, cancellationToken))
        {
            throw new ForbiddenAccessException(M.ReviewNotReviewer);
        }

        var review = await db.ProjectReviews.Include(r => r.Opinions).SingleOrDefaultAsync(r => r.Id == command.ReviewId, cancellationToken)
            ?? throw new NotFoundException("ProjectReview", command.ReviewId);
        review.RecordOpinion(user.RequireId(), command.Kind, command.Comment, command.Veto, command.Scores ?? ReviewScores.None, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(review.Opinions.Select(o => o.ReviewerId).Append(review.SubmittedById), cancellationToken);
        return ReviewReads.ToDto(review, names);
    }
}
