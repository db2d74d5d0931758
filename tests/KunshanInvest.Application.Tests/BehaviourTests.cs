using FluentValidation;
using KunshanInvest.Application.Common.Behaviours;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Sectors.CreateSector;
using KunshanInvest.Application.Sectors.GetSectorOverview;
using KunshanInvest.Application.Sectors.ListSectors;
using Microsoft.Extensions.Logging;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

public sealed class BehaviourTests
{
    private static readonly CreateSector ValidCommand = new("low-altitude", "低空飞行器", "Low-altitude aircraft", null, null);

    private static ValueTask<SectorDto> Reached(CreateSector command, CancellationToken ct) =>
        ValueTask.FromResult(new SectorDto(Guid.Empty, command.Code, command.NameZh, command.NameEn, null, null, true, 0));

    [Fact]
    public async Task An_officer_cannot_send_an_admin_command()
    {
        var log = new DeniedLog();
        var behaviour = new AuthorizationBehavior<CreateSector, SectorDto>(TestUser.As("officer\r\nFAKE Sign-in succeeded for admin", Roles.Officer), log, TimeProvider.System);

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await behaviour.Handle(ValidCommand, Reached, CancellationToken.None));

        // Logged as a security event, the caller's name neutralised so it cannot forge a second line.
        var entry = Assert.Single(log.Entries);
        Assert.Equal(Common.Security.SecurityEvents.RequestDenied, entry.Id.Id);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("CreateSector", entry.Message, StringComparison.Ordinal);
        Assert.Contains("officer__FAKE", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', entry.Message);
        Assert.DoesNotContain('\r', entry.Message);
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        var log = new DeniedLog();
        var behaviour = new AuthorizationBehavior<GetSectorOverview, SectorOverview>(new TestUser(), log, TimeProvider.System);

        await Assert.ThrowsAsync<UnauthenticatedException>(async () =>
            await behaviour.Handle(new GetSectorOverview(), (_, _) => ValueTask.FromResult(new SectorOverview([], 0, [])), CancellationToken.None));
        Assert.Equal(Common.Security.SecurityEvents.RequestDenied, Assert.Single(log.Entries).Id.Id);
    }

    [Fact]
    public async Task An_admin_reaches_the_handler()
    {
        var log = new DeniedLog();
        var behaviour = new AuthorizationBehavior<CreateSector, SectorDto>(TestUser.As("admin", Roles.Admin), log, TimeProvider.System);

        var result = await behaviour.Handle(ValidCommand, Reached, CancellationToken.None);

        Assert.Equal("low-altitude", result.Code);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task Validation_reports_every_failure_before_the_handler_runs()
    {
        var behaviour = new ValidationBehavior<CreateSector, SectorDto>([new CreateSectorValidator()]);
        var reached = false;

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(
            new CreateSector("BAD CODE", "", "", null, null),
            (c, ct) => { reached = true; return Reached(c, ct); },
            CancellationToken.None));

        Assert.False(reached);
        Assert.Equal(["Code", "NameEn", "NameZh"], error.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_refused_command_leaves_nothing_for_the_next_save_in_a_long_lived_context()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var seed = database.NewContext())
        {
            seed.Sectors.Add(new Domain.Sectors.Sector("food", "食品", "Food"));
            await seed.SaveChangesAsync();
        }

        // One context, as a Blazor circuit holds one for the whole page session.
        await using var circuit = database.NewContext();
        using var turn = new UnitOfWorkTurn();
        var refused = new UnitOfWorkBehavior<CreateSector, SectorDto>(circuit, turn);
        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await refused.Handle(ValidCommand, async (_, ct) =>
        {
            var sector = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(circuit.Sectors, ct);
            sector.Rename("半途而废", "Half done");
            throw new ForbiddenAccessException();
        }, CancellationToken.None));

        var next = new UnitOfWorkBehavior<CreateSector, SectorDto>(circuit, turn);
        await next.Handle(ValidCommand, async (c, ct) =>
        {
            await ((Common.IAppDbContext)circuit).SaveChangesAsync(ct);
            return await Reached(c, ct);
        }, CancellationToken.None);

        await using var read = database.NewContext();
        Assert.Equal("食品", (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(read.Sectors)).NameZh);
    }

    [Fact]
    public async Task Requests_of_one_scope_take_turns_and_a_request_sent_from_a_handler_passes()
    {
        // Two components of one Blazor page load at once on the circuit's one DbContext; PostgreSQL refuses overlap.
        await using var database = await TestDatabase.CreateAsync();
        await using var circuit = database.NewContext();
        using var turn = new UnitOfWorkTurn();
        var behaviour = new UnitOfWorkBehavior<CreateSector, SectorDto>(circuit, turn);
        var firstInside = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var inside = 0;
        var most = 0;

        async ValueTask<SectorDto> Occupy(CreateSector command, CancellationToken ct)
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            firstInside.TrySetResult();
            // A nested request (as the report export sends) must not wait for the turn its sender holds.
            var nested = await behaviour.Handle(command, Reached, ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
            await releaseFirst.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            Interlocked.Decrement(ref inside);
            return nested;
        }

        var first = behaviour.Handle(ValidCommand, Occupy, CancellationToken.None).AsTask();
        await firstInside.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = behaviour.Handle(ValidCommand, Occupy, CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, Volatile.Read(ref inside));

        releaseFirst.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, most);
    }

    private sealed class DeniedLog : ILogger<AuthorizationBehavior<CreateSector, SectorDto>>, ILogger<AuthorizationBehavior<GetSectorOverview, SectorOverview>>
    {
        public List<(LogLevel Level, EventId Id, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId, formatter(state, exception)));
    }
}
