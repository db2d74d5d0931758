using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Services;

namespace KunshanInvest.Domain.Tests;

/// <summary>The service request's loop: 受理 → 办理中 → 办结 → 回访, or 退回; reassignment; every step kept, and every refusal.</summary>
public sealed class ServiceRequestTests
{
    private static readonly Guid Enterprise = Guid.CreateVersion7();
    private static readonly Guid Category = Guid.CreateVersion7();
    private static readonly Guid Power = Guid.CreateVersion7();
    private static readonly Guid Approvals = Guid.CreateVersion7();
    private static readonly Guid Officer = Guid.CreateVersion7();
    private static readonly Guid Handler = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);

    private static ServiceRequest New() => new(Enterprise, Category, Power, "  申请临时用电  ", " 王经理 ", "  ", Officer, Officer, Now, Now.AddDays(5));

    [Fact]
    public void A_new_request_is_accepted_with_its_deadline_and_a_first_step_naming_who_logged_it_and_where_it_went()
    {
        var r = New();

        Assert.Equal((ServiceRequestStatus.Accepted, "申请临时用电", "王经理", (string?)null), (r.Status, r.Description, r.ContactName, r.ContactPhone));
        Assert.Equal((Now, Now.AddDays(5), true), (r.AcceptedAtUtc, r.DueAtUtc, r.IsOpen));
        var step = Assert.Single(r.Steps);
        Assert.Equal((ServiceStepKind.Accepted, Officer, Now, (Guid?)null, (Guid?)Power, r.Id), (step.Kind, step.ByUserId, step.AtUtc, step.FromDepartmentId, step.ToDepartmentId, step.RequestId));
    }

    [Fact]
    public void A_request_needs_a_description_and_a_deadline_after_it_is_logged()
    {
        Assert.Equal("service.description", Assert.Throws<DomainRuleException>(() => new ServiceRequest(Enterprise, Category, Power, " ", null, null, null, Officer, Now, Now.AddDays(1))).Code);
        Assert.Equal("service.due", Assert.Throws<DomainRuleException>(() => new ServiceRequest(Enterprise, Category, Power, "x", null, null, null, Officer, Now, Now)).Code);
    }

    [Fact]
    public void The_full_loop_records_each_step_with_its_time_and_actor()
    {
        var r = New();
        r.Start(Handler, Now.AddHours(1));
        r.Close(" 已增容 ", Handler, Now.AddDays(2));
        r.RecordVisit(5, " 满意 ", Officer, Now.AddDays(3));

        Assert.Equal(ServiceRequestStatus.Visited, r.Status);
        Assert.Equal((Now.AddHours(1), Now.AddDays(2), "已增容", Now.AddDays(3), 5, "满意"), (r.StartedAtUtc, r.ClosedAtUtc, r.Reply, r.VisitedAtUtc, r.Satisfaction, r.VisitComment));
        Assert.Equal([ServiceStepKind.Accepted, ServiceStepKind.Started, ServiceStepKind.Closed, ServiceStepKind.Visited], r.Steps.Select(s => s.Kind));
        Assert.Equal([Officer, Handler, Handler, Officer], r.Steps.Select(s => s.ByUserId));
        Assert.Equal("已增容", r.Steps[2].Note);
        Assert.False(r.IsOpen);
    }

    [Fact]
    public void Closing_straight_from_accepted_also_marks_it_started()
    {
        var r = New();
        r.Close("当场解决", Handler, Now.AddHours(2));

        Assert.Equal((ServiceRequestStatus.Closed, Now.AddHours(2), Now.AddHours(2)), (r.Status, r.StartedAtUtc, r.ClosedAtUtc));
    }

    [Fact]
    public void Closing_needs_a_reply_and_an_open_request()
    {
        var r = New();
        Assert.Equal("service.reply", Assert.Throws<DomainRuleException>(() => r.Close(" ", Handler, Now)).Code);
        r.Return("不属本部门", Handler, Now);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.Close("答复", Handler, Now)).Code);
    }

    [Fact]
    public void Starting_is_only_from_accepted()
    {
        var r = New();
        r.Start(Handler, Now);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.Start(Handler, Now)).Code);
        r.Close("答复", Handler, Now);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.Start(Handler, Now)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Satisfaction_is_one_to_five(int satisfaction)
    {
        var r = New();
        r.Close("答复", Handler, Now);
        Assert.Equal("service.satisfaction", Assert.Throws<DomainRuleException>(() => r.RecordVisit(satisfaction, null, Officer, Now)).Code);
        Assert.Equal(ServiceRequestStatus.Closed, r.Status);
    }

    [Fact]
    public void The_return_visit_is_only_after_closing_and_only_once()
    {
        var r = New();
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.RecordVisit(4, null, Officer, Now)).Code);
        r.Start(Handler, Now);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.RecordVisit(4, null, Officer, Now)).Code);
        r.Close("答复", Handler, Now);
        r.RecordVisit(4, null, Officer, Now);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.RecordVisit(4, null, Officer, Now)).Code);
        Assert.Null(r.VisitComment);
    }

    [Fact]
    public void Returning_needs_a_reason_and_an_open_request_and_is_final()
    {
        var r = New();
        Assert.Equal("service.return_reason", Assert.Throws<DomainRuleException>(() => r.Return("  ", Handler, Now)).Code);
        r.Start(Handler, Now);
        r.Return(" 材料不全 ", Handler, Now.AddHours(1));

        Assert.Equal((ServiceRequestStatus.Returned, "材料不全", Now.AddHours(1)), (r.Status, r.ReturnedReason, r.ReturnedAtUtc));
        Assert.Equal(ServiceStepKind.Returned, r.Steps[^1].Kind);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.Start(Handler, Now)).Code);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.Return("再退", Handler, Now)).Code);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.Reassign(Approvals, null, Handler, Now)).Code);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.RecordVisit(3, null, Officer, Now)).Code);
    }

    [Fact]
    public void Reassigning_routes_an_open_request_to_another_department_as_accepted_with_its_deadline_kept()
    {
        var r = New();
        r.Start(Handler, Now);
        r.Reassign(Approvals, " 属审批局 ", Handler, Now.AddHours(3));

        Assert.Equal((Approvals, ServiceRequestStatus.Accepted, Now.AddDays(5)), (r.DepartmentId, r.Status, r.DueAtUtc));
        var step = r.Steps[^1];
        Assert.Equal((ServiceStepKind.Reassigned, (Guid?)Power, (Guid?)Approvals, "属审批局", Now.AddHours(3)), (step.Kind, step.FromDepartmentId, step.ToDepartmentId, step.Note, step.AtUtc));

        // The new department starts it again.
        r.Start(Handler, Now.AddHours(4));
        Assert.Equal(ServiceRequestStatus.InProgress, r.Status);
    }

    [Fact]
    public void Reassigning_to_the_same_department_or_after_closing_is_refused()
    {
        var r = New();
        Assert.Equal("service.same_department", Assert.Throws<DomainConflictException>(() => r.Reassign(Power, null, Handler, Now)).Code);
        r.Close("答复", Handler, Now);
        Assert.Equal("service.state", Assert.Throws<DomainConflictException>(() => r.Reassign(Approvals, null, Handler, Now)).Code);
        Assert.Equal(Power, r.DepartmentId);
    }

    [Fact]
    public void A_category_deadline_is_one_to_365_days()
    {
        Assert.Equal(5, new ServiceCategory("utilities", "用电用水用气", "Utilities", 5).DeadlineDays);
        Assert.Equal("service.deadline_days", Assert.Throws<DomainRuleException>(() => new ServiceCategory("x", "x", "x", 0)).Code);
        Assert.Equal("service.deadline_days", Assert.Throws<DomainRuleException>(() => new ServiceCategory("x", "x", "x", 366)).Code);
    }
}
