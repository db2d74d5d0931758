using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KunshanInvest.Application;

public static class DependencyInjection
{
    /// <summary>Validators and the clock. The mediator itself is generated in the host (see ADR 0001).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        Common.Messages.FieldLabels.Install();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Common.Notifications.Notifier>();
        services.AddOptions<Projects.StalledOptions>().BindConfiguration(Projects.StalledOptions.Section);
        services.AddOptions<Milestones.AboveScaleOptions>().BindConfiguration(Milestones.AboveScaleOptions.Section);
        services.AddOptions<Reports.PerMuOptions>().BindConfiguration(Reports.PerMuOptions.Section)
            .Validate(o => o.IsValid, "PerMu: the class cut-offs must rise strictly within (0, 1] (A < B < C ≤ 1).")
            .ValidateOnStart();
        services.AddOptions<Reviews.ProjectReviewOptions>().BindConfiguration(Reviews.ProjectReviewOptions.Section).Validate(o => o.Problems().Count == 0, "ProjectReview: see ProjectReviewOptions.Problems (thresholds 0–100,000,000 万元, years 2000–2100, MajorFromWan not negative).").ValidateOnStart();
        services.AddOptions<Portal.PortalOptions>().BindConfiguration(Portal.PortalOptions.Section);
        services.AddOptions<Jobs.JobOptions>().BindConfiguration(Jobs.JobOptions.Section);
        services.AddOptions<Jobs.ServiceJobOptions>().BindConfiguration(Jobs.ServiceJobOptions.Section).Validate(o => o.IsValid, Jobs.ServiceJobOptions.Rule).ValidateOnStart();
        services.AddOptions<Jobs.DispatchEmails.MailOptions>().BindConfiguration(Jobs.DispatchEmails.MailOptions.Section);
        services.AddOptions<Auditing.AuditOptions>().BindConfiguration(Auditing.AuditOptions.Section)
            .Validate(o => o.RetentionDays >= Auditing.AuditOptions.MinimumRetentionDays, $"Audit:RetentionDays must be at least {Auditing.AuditOptions.MinimumRetentionDays} (等保 L3 keeps audit records six months).")
            .ValidateOnStart();
        services.AddScoped<Jobs.JobRunner>();
        services.AddScoped<Common.Behaviours.UnitOfWorkTurn>();
        return services;
    }
}
