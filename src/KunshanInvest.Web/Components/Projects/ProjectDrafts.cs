using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Web.Text;

namespace KunshanInvest.Web.Components.Projects;

// What the user has typed into the project page's tabs. The page owns these so a half-filled form
// survives switching tabs (a tab's content is rebuilt each time it is shown).

public sealed class VisitDraft
{
    public InteractionKind Kind { get; set; } = InteractionKind.Visit;
    public DateTime? On { get; set; }
    public string? Summary { get; set; }
    public string? NextSteps { get; set; }
    public DateTime? FollowUpOn { get; set; }

    /// <summary>Photos picked (or taken with the camera) for the visit, uploaded once it is recorded (ADR 0037).</summary>
    public List<KunshanInvest.Application.Portal.UploadedFile> Photos { get; set; } = [];

    public UiError? Error { get; set; }
}

public sealed class FollowUpDraft
{
    public string? Title { get; set; }
    public DateTime? DueOn { get; set; }
    public UiError? Error { get; set; }
}

public sealed class BasicsDraft
{
    public string? Name { get; set; }
    public Guid? SectorId { get; set; }
    public Guid? ParkId { get; set; }
    public SourceChannel Source { get; set; }
    public bool IsMajor { get; set; }
    public string? BlockingIssues { get; set; }
    public decimal? EstimatedWan { get; set; }
    public UiError? Error { get; set; }

    public static BasicsDraft From(ProjectDetail p, UiError? error) => new()
    {
        Name = p.Name, SectorId = p.SectorId, ParkId = p.ParkId, Source = p.Source, IsMajor = p.IsMajor, BlockingIssues = p.BlockingIssues,
        EstimatedWan = p.EstimatedInvestment is { Currency: "CNY" } est ? Amounts.MinorToWan(est.MinorUnits) : null,
        Error = error,
    };
}

public sealed class FiguresDraft
{
    public decimal? PledgedWan { get; set; }
    public decimal? ForeignWanUsd { get; set; }
    public int? Jobs { get; set; }
    public decimal? TaxWan { get; set; }
    public decimal? OutputWan { get; set; }
    public double? LandMu { get; set; }
    public string? CreditCode { get; set; }
    public UiError? Error { get; set; }

    public static FiguresDraft From(ProjectDetail p, UiError? error) => new()
    {
        PledgedWan = Amounts.MinorToWan(p.Pledged.Investment?.MinorUnits),
        ForeignWanUsd = Amounts.MinorToWan(p.Pledged.ForeignCapitalUsdCents),
        Jobs = p.Pledged.Jobs, TaxWan = Amounts.MinorToWan(p.Pledged.AnnualTaxFen), OutputWan = Amounts.MinorToWan(p.Pledged.AnnualOutputFen), LandMu = p.Pledged.LandMu,
        CreditCode = p.ProjectCompanyCreditCode,
        Error = error,
    };
}
