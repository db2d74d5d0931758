using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Reviews.SubmitReview;

/// <summary>
/// Puts a project in 洽谈 to review with its sheet, or submits a revised sheet as a new round (the project's owner or a
/// manager). The sheet is checked against the entry thresholds of its land use and the meeting's year (else this year's)
/// and the thresholds are kept with the round. A passed review takes no new round (409); two submissions at once: one
/// wins, the other 409.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record SubmitReview(
    Guid ProjectId, CarrierUse Use, double LandMu, long TotalInvestmentFen, long AnnualTaxFen, double AnnualEnergyTce,
    EnvironmentalCategory Environmental, int Jobs, DateOnly? MeetingOn) : ICommand<ReviewDto>, IReviewSheetFields;

public sealed class SubmitReviewValidator : AbstractValidator<SubmitReview>
{
    public SubmitReviewValidator() => this.AddSheetRules();
}

public sealed class SubmitReviewHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock, IOptions<ProjectReviewOptions> options)
    : ICommandHandler<SubmitReview, ReviewDto>
{
    public async ValueTask<ReviewDto> Handle(SubmitReview command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, null, cancellationToken);
        var latest = await db.ProjectReviews.Where(r => r.ProjectId == project.Id).OrderByDescending(r => r.Round).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = command.ThresholdYear(clock.BureauToday());
        var review = ProjectReview.Submit(project, latest, command.ToSheet(), year, options.Value.For(command.Use, year), user.RequireId(), now);
        db.ProjectReviews.Add(review);

        // The project changes with its review: a second submission racing this one meets the project's version (409).
        project.Touch(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new ConflictException(M.ReviewRoundTaken, ex);
        }

        var names = await users.DisplayNamesAsync([review.SubmittedById], cancellationToken);
        return ReviewReads.ToDto(review, names);
    }
}
