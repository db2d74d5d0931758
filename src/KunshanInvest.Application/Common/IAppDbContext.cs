using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Events;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Reports;
using KunshanInvest.Domain.Reviews;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Common;

/// <summary>The persistence port: handlers query and change these sets directly (no repository in between).</summary>
public interface IAppDbContext
{
    DbSet<Sector> Sectors { get; }
    DbSet<OfficerSector> OfficerSectors { get; }
    DbSet<Park> Parks { get; }
    DbSet<Enterprise> Enterprises { get; }
    DbSet<Contact> Contacts { get; }
    DbSet<EnterpriseAlias> EnterpriseAliases { get; }
    DbSet<InvestmentProject> Projects { get; }
    DbSet<StageChange> StageChanges { get; }
    DbSet<PromotionEvent> Events { get; }
    DbSet<ExchangeRate> ExchangeRates { get; }
    DbSet<Interaction> Interactions { get; }
    DbSet<FollowUp> FollowUps { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<OutboxEmail> OutboxEmails { get; }
    DbSet<Domain.Channels.NotificationChannel> NotificationChannels { get; }
    DbSet<Domain.Channels.ChannelMessage> ChannelMessages { get; }
    DbSet<Domain.Channels.UserNotificationSettings> UserNotificationSettings { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Partner> Partners { get; }
    DbSet<PartnerMember> PartnerMembers { get; }
    DbSet<PartnerSubmission> Submissions { get; }
    DbSet<SubmissionStatusChange> SubmissionStatusChanges { get; }
    DbSet<SubmissionAttachment> SubmissionAttachments { get; }
    DbSet<SubmissionMessage> SubmissionMessages { get; }
    DbSet<Attribution> Attributions { get; }
    DbSet<Target> Targets { get; }
    DbSet<PipelineSnapshot> PipelineSnapshots { get; }
    DbSet<FigureEntry> FigureEntries { get; }
    DbSet<ProjectMilestone> Milestones { get; }
    DbSet<ServiceCategory> ServiceCategories { get; }
    DbSet<Department> Departments { get; }
    DbSet<DepartmentMember> DepartmentMembers { get; }
    DbSet<ServiceRequest> ServiceRequests { get; }
    DbSet<ServiceRequestStep> ServiceRequestSteps { get; }
    DbSet<ServiceRequestAttachment> ServiceRequestAttachments { get; }
    DbSet<Domain.Files.StaffAttachment> StaffAttachments { get; }
    DbSet<LandParcel> LandParcels { get; }
    DbSet<Premises> Premises { get; }
    DbSet<CarrierEvent> CarrierEvents { get; }
    DbSet<RewardPayout> RewardPayouts { get; }
    DbSet<AgreementCommitment> Commitments { get; }
    DbSet<ProjectReview> ProjectReviews { get; }
    DbSet<ReviewOpinion> ReviewOpinions { get; }
    DbSet<NamedReviewer> NamedReviewers { get; }
    DbSet<ProjectReassignment> ProjectReassignments { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Declares the <see cref="Domain.Common.AggregateRoot.Version"/> the caller last read (If-Match), so the save
    /// fails with a concurrency conflict (409) when someone else saved in between.
    /// </summary>
    void ExpectVersion(Domain.Common.AggregateRoot aggregate, int version);

    /// <summary>Forgets every tracked entity and unsaved change (see <see cref="Behaviours.UnitOfWorkBehavior{TMessage,TResponse}"/>).</summary>
    void DiscardChanges();
}
