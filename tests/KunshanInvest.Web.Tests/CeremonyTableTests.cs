using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Events.RecordSignings;
using KunshanInvest.Application.Parks.ListParks;
using KunshanInvest.Application.Sectors.ListSectors;
using KunshanInvest.Web.Components.Events;
using KunshanInvest.Web.Text;
using MudBlazor;
using MudBlazor.Extensions;

namespace KunshanInvest.Web.Tests;

public sealed class CeremonyTableTests : ComponentTest
{
    private static readonly ParkDto Zone = new(Guid.NewGuid(), "kdz", "昆山开发区", "Kunshan ETDZ", null, 1);
    private static readonly ParkDto Other = new(Guid.NewGuid(), "hq", "花桥", "Huaqiao", null, 1);
    private static readonly SectorDto Coffee = new(Guid.NewGuid(), "coffee", "咖啡", "Coffee", null, null, true, 1);
    private readonly Guid _eventId = Guid.NewGuid();
    private int _saved;

    private IRenderedComponent<CeremonyTable> RenderTable() =>
        Render<CeremonyTable>(p => p
            .Add(x => x.EventId, _eventId)
            .Add(x => x.Sectors, [Coffee])
            .Add(x => x.Parks, [Other, Zone])
            .Add(x => x.Saved, () => _saved++));

    private static Guid? ParkOfRow(IRenderedComponent<CeremonyTable> cut, int index) =>
        cut.FindComponents<MudSelect<Guid?>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), $"row-park-{index}")).Instance.GetState(x => x.Value);

    [Fact]
    public void It_starts_with_one_row_in_the_development_zone()
    {
        var cut = RenderTable();

        Assert.Single(cut.FindAll("[data-testid=ceremony-row]"));
        Assert.Equal(Zone.Id, ParkOfRow(cut, 0));
    }

    [Fact]
    public async Task An_added_row_takes_the_park_of_the_row_above()
    {
        var cut = RenderTable();
        var park = cut.FindComponents<MudSelect<Guid?>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), "row-park-0"));
        await cut.InvokeAsync(() => park.Instance.ValueChanged.InvokeAsync(Other.Id));

        await cut.Find("[data-testid=ceremony-add-row]").ClickAsync(new());

        Assert.Equal(2, cut.FindAll("[data-testid=ceremony-row]").Count);
        Assert.Equal(Other.Id, ParkOfRow(cut, 1));
    }

    [Fact]
    public async Task Removing_the_last_row_leaves_nothing_to_save()
    {
        var cut = RenderTable();

        await cut.Find($"[data-testid=ceremony-row] button[aria-label='{T.RemoveRow}']").ClickAsync(new());

        Assert.Empty(cut.FindAll("[data-testid=ceremony-row]"));
        Assert.True(cut.Find("[data-testid=ceremony-save]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Rejected_rows_show_their_errors_under_the_row_with_its_number_and_nothing_is_saved()
    {
        Sender.Respond = _ => throw new ValidationException([new ValidationFailure("Rows[1].PledgedInvestment", "请填写协议投资额")]);
        var cut = RenderTable();
        await cut.Find("[data-testid=ceremony-add-row]").ClickAsync(new());

        await cut.Find("[data-testid=ceremony-save]").ClickAsync(new());

        var errors = cut.Find("[data-testid=row-errors]").TextContent;
        Assert.Contains(T.RowNumber(1), errors, StringComparison.Ordinal);
        Assert.Contains("请填写协议投资额", errors, StringComparison.Ordinal);
        Assert.Equal(T.CeremonyHasErrors(1), cut.Find("[data-testid=ceremony-error]").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("[data-testid=ceremony-row]").Count);
        Assert.Equal(0, _saved);
    }

    [Fact]
    public async Task Removing_a_row_clears_the_errors_shown()
    {
        Sender.Respond = _ => throw new SigningRulesException([new ValidationFailure("rows[0].sectorId", "请选择产业")]);
        var cut = RenderTable();
        await cut.Find("[data-testid=ceremony-save]").ClickAsync(new());
        Assert.Single(cut.FindAll("[data-testid=row-errors]"));

        await cut.Find("[data-testid=ceremony-add-row]").ClickAsync(new());
        await cut.FindAll($"[data-testid=ceremony-row] button[aria-label='{T.RemoveRow}']")[1].ClickAsync(new());

        Assert.Empty(cut.FindAll("[data-testid=row-errors]"));
        Assert.Empty(cut.FindAll("[data-testid=ceremony-error]"));
    }

    [Fact]
    public async Task A_saved_ceremony_sends_every_row_starts_again_with_one_row_and_tells_the_page()
    {
        Sender.Respond = _ => new SigningsRecorded(2, 0, 2, []);
        var cut = RenderTable();
        await cut.Find("[data-testid=ceremony-add-row]").ClickAsync(new());

        await cut.Find("[data-testid=ceremony-save]").ClickAsync(new());

        var sent = Assert.IsType<RecordSignings>(Assert.Single(Sender.Sent));
        Assert.Equal(_eventId, sent.EventId);
        Assert.Equal(2, sent.Rows.Count);
        Assert.All(sent.Rows, r => Assert.Equal(Zone.Id, r.ParkId));
        Assert.Single(cut.FindAll("[data-testid=ceremony-row]"));
        Assert.Equal(1, _saved);
    }
}
