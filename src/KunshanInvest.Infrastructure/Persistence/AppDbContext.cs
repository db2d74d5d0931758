using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
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
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KunshanInvest.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    /// <summary>
    /// The ASP.NET Core data-protection key ring (cookies, bearer tokens, antiforgery), shared by every app instance
    /// on this database. Deliberately not on <see cref="IAppDbContext"/>: no use case, and so no endpoint, reads it.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<OfficerSector> OfficerSectors => Set<OfficerSector>();
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<EnterpriseAlias> EnterpriseAliases => Set<EnterpriseAlias>();
    public DbSet<InvestmentProject> Projects => Set<InvestmentProject>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<PromotionEvent> Events => Set<PromotionEvent>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<Domain.Channels.NotificationChannel> NotificationChannels => Set<Domain.Channels.NotificationChannel>();
    public DbSet<Domain.Channels.ChannelMessage> ChannelMessages => Set<Domain.Channels.ChannelMessage>();
    public DbSet<Domain.Channels.UserNotificationSettings> UserNotificationSettings => Set<Domain.Channels.UserNotificationSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerMember> PartnerMembers => Set<PartnerMember>();
    public DbSet<PartnerSubmission> Submissions => Set<PartnerSubmission>();
    public DbSet<SubmissionStatusChange> SubmissionStatusChanges => Set<SubmissionStatusChange>();
    public DbSet<SubmissionAttachment> SubmissionAttachments => Set<SubmissionAttachment>();
    public DbSet<SubmissionMessage> SubmissionMessages => Set<SubmissionMessage>();
    public DbSet<Attribution> Attributions => Set<Attribution>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<PipelineSnapshot> PipelineSnapshots => Set<PipelineSnapshot>();
    public DbSet<FigureEntry> FigureEntries => Set<FigureEntry>();
    public DbSet<ProjectMilestone> Milestones => Set<ProjectMilestone>();
    public DbSet<ServiceCategory> ServiceCategories => Set<ServiceCategory>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentMember> DepartmentMembers => Set<DepartmentMember>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<ServiceRequestStep> ServiceRequestSteps => Set<ServiceRequestStep>();
    public DbSet<ServiceRequestAttachment> ServiceRequestAttachments => Set<ServiceRequestAttachment>();
    public DbSet<Domain.Files.StaffAttachment> StaffAttachments => Set<Domain.Files.StaffAttachment>();
    public DbSet<LandParcel> LandParcels => Set<LandParcel>();
    public DbSet<Premises> Premises => Set<Premises>();
    public DbSet<CarrierEvent> CarrierEvents => Set<CarrierEvent>();
    public DbSet<RewardPayout> RewardPayouts => Set<RewardPayout>();
    public DbSet<AgreementCommitment> Commitments => Set<AgreementCommitment>();
    public DbSet<Domain.Reviews.ProjectReview> ProjectReviews => Set<Domain.Reviews.ProjectReview>();
    public DbSet<Domain.Reviews.ReviewOpinion> ReviewOpinions => Set<Domain.Reviews.ReviewOpinion>();
    public DbSet<Domain.Reviews.NamedReviewer> NamedReviewers => Set<Domain.Reviews.NamedReviewer>();
    public DbSet<ProjectReassignment> ProjectReassignments => Set<ProjectReassignment>();

    /// <summary>
    /// The port's save: a lost optimistic-concurrency race becomes the Application's <see cref="ConflictException"/>,
    /// so callers (API and UI alike) need no EF types. Identity keeps calling the class's own SaveChangesAsync,
    /// whose <see cref="DbUpdateConcurrencyException"/> it handles itself.
    /// </summary>
    async Task<int> IAppDbContext.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConflictException(M.Changed, ex);
        }
    }

    /// <summary>
    /// EF reports a lost concurrency race to save interceptors only before it throws (with the batch's reader still
    /// open), not through <c>SaveChangesFailed</c>: the auditing interceptor would keep the transaction it opened, and
    /// on SQLite the write turn (ADR 0021), until the context is disposed. Here the failure has left EF, so the
    /// interceptor can roll back and pass the turn on.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            if (Auditing() is { } auditing)
            {
                await auditing.EndFailedSaveAsync(this);
            }

            throw;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException)
        {
            Auditing()?.EndFailedSave(this);
            throw;
        }
    }

    /// <summary>This context's auditing interceptor (none on a context configured without it, e.g. at design time).</summary>
    private Interceptors.AuditingInterceptor? Auditing() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<Interceptors.AuditingInterceptor>().FirstOrDefault();

    public void DiscardChanges() => ChangeTracker.Clear();

    public void ExpectVersion(Domain.Common.AggregateRoot aggregate, int version) =>
        Entry(aggregate).Property(a => a.Version).OriginalValue = version;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // SQL Server refuses multiple cascade paths at CREATE TABLE; nothing here deletes in cascade.
        foreach (var foreignKey in builder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
        {
            if (foreignKey.DeleteBehavior == DeleteBehavior.Cascade && !foreignKey.DeclaringEntityType.ClrType.Namespace!.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal))
            {
                foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; values read back are marked so.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
