using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// Demo service requests (企业诉求): the eight categories of issue 17 with their days, eight departments with the demo
/// <c>dept</c> user a member and head of 供电所, service officers on some landed demo enterprises, and ten requests in
/// every state (one overdue). Categories and departments are matched on code, memberships on the pair, and the requests
/// are added only while no demo request exists, so a second run adds nothing.
/// </summary>
internal static class ServiceSeeder
{
    private static readonly (string Code, string Zh, string En, int Days)[] Categories =
    [
        ("hiring", "用工", "Hiring", 15),
        ("utilities", "用电用水用气", "Power, water and gas", 5),
        ("approvals", "审批许可", "Approvals and permits", 10),
        ("finance", "融资", "Financing", 15),
        ("policy", "政策兑现", "Policy incentives", 20),
        ("logistics", "物流", "Logistics", 10),
        ("talent-housing", "人才住房", "Talent housing", 15),
        ("other", "其他", "Other", 10),
    ];

    private static readonly (string Code, string Zh, string En)[] Departments =
    [
        ("hrss", "人社局", "Human Resources and Social Security Bureau"),
        ("power", "供电所", "Power Supply Office"),
        ("approvals", "行政审批局", "Administrative Approval Bureau"),
        ("finance", "金融办", "Financial Affairs Office"),
        ("econ", "经发局", "Economic Development Bureau"),
        ("logistics", "交通物流办", "Transport and Logistics Office"),
        ("housing", "住建局", "Housing and Construction Bureau"),
        ("service-centre", "综合服务中心", "Enterprise Service Centre"),
    ];

    public static async Task LoadAsync(AppDbContext db, IReadOnlyDictionary<string, Guid> users, TimeProvider clock, SeedReport report, CancellationToken cancellationToken)
    {
        var categories = await db.ServiceCategories.ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var (code, zh, en, days) in Categories)
        {
            var added = !categories.ContainsKey(code);
            if (added)
            {
                categories[code] = new ServiceCategory(code, zh, en, days);
                db.ServiceCategories.Add(categories[code]);
            }

            report.Count("service categories", added);
        }

        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var (code, zh, en) in Departments)
        {
            var added = !departments.ContainsKey(code);
            if (added)
            {
                departments[code] = new Department(code, zh, en);
                db.Departments.Add(departments[code]);
            }

            report.Count("departments", added);
        }

        if (users.TryGetValue("dept", out var dept))
        {
            var power = departments["power"];
            var member = !await db.DepartmentMembers.AnyAsync(m => m.UserId == dept && m.DepartmentId == power.Id, cancellationToken);
            if (member)
            {
                db.DepartmentMembers.Add(new DepartmentMember(power.Id, dept));
            }

            power.SetHead(power.HeadUserId ?? dept);
            report.Count("department members", member);
        }

        await db.SaveChangesAsync(cancellationToken);
        await LoadRequestsAsync(db, users, clock, categories, departments, report, cancellationToken);
    }

    private static async Task LoadRequestsAsync(
        AppDbContext db, IReadOnlyDictionary<string, Guid> users, TimeProvider clock, Dictionary<string, ServiceCategory> categories, Dictionary<string, Department> departments, SeedReport report, CancellationToken cancellationToken)
    {
        if (await db.ServiceRequests.AnyAsync(r => r.IsDemo, cancellationToken)
            || !users.TryGetValue("officer", out var officer) || !users.TryGetValue("officer2", out var officer2) || !users.TryGetValue("manager", out var manager))
        {
            return;
        }

        // Landed demo enterprises: a project at 注册 or later.
        var landed = await db.Enterprises
            .Where(e => e.IsDemo && e.MergedIntoId == null && db.Projects.Any(p => p.EnterpriseId == e.Id && p.Stage >= ProjectStage.Registered && p.Stage <= ProjectStage.AtCapacity))
            .OrderBy(e => e.NameZh).Take(4).ToListAsync(cancellationToken);
        if (landed.Count == 0)
        {
            return;
        }

        for (var i = 0; i < landed.Count; i++)
        {
            if (landed[i].ServiceOfficerId is null && i < 3)
            {
                landed[i].AssignServiceOfficer(i == 1 ? officer2 : officer);
            }
        }

        var handler = users.GetValueOrDefault("dept", manager);
        var now = clock.GetUtcNow().UtcDateTime;
        ServiceRequest New(int enterprise, string category, string department, string text, int daysAgo, Guid by)
        {
            var e = landed[enterprise % landed.Count];
            var c = categories[category];
            var at = now.AddDays(-daysAgo);
            var request = new ServiceRequest(e.Id, c.Id, departments[department].Id, text, "王经理", "0512-5788 0000", e.ServiceOfficerId, by, at, at.AddDays(c.DeadlineDays));
            request.MarkDemo();
            db.ServiceRequests.Add(request);
            report.Count("service requests (demo)", true);
            return request;
        }

        New(0, "utilities", "power", "新厂房二期需增容至 2000 kVA,申请临时用电。", 1, officer);
        New(1, "hiring", "hrss", "三季度需招聘操作工 80 名,请协助对接职业院校。", 3, officer2);
        New(0, "utilities", "power", "厂区 10kV 线路频繁跳闸,影响生产,请尽快排查。", 12, officer); // 5 days: overdue
        New(2, "approvals", "approvals", "环评批复进度咨询,希望加快办理。", 4, officer).Start(handler, now.AddDays(-3));
        New(1, "finance", "finance", "申请科技贷,需要对接合作银行。", 6, officer2).Start(manager, now.AddDays(-5));
        New(0, "utilities", "power", "申请双回路供电方案审批。", 9, officer).Close("已完成双回路供电方案审批,施工队下周进场。", handler, now.AddDays(-2));
        New(2, "logistics", "logistics", "园区货车夜间通行证办理。", 14, officer).Close("通行证已办结,有效期一年。", manager, now.AddDays(-8));
        var visited = New(1, "talent-housing", "housing", "引进博士 3 名,申请人才公寓。", 30, officer2);
        visited.Close("已分配人才公寓 3 套。", manager, now.AddDays(-20));
        visited.RecordVisit(5, "企业表示非常满意。", officer2, now.AddDays(-18));
        New(2, "policy", "econ", "咨询技改补贴申报条件。", 10, officer).Return("该事项属于工信局受理范围,已告知企业向工信局申报。", manager, now.AddDays(-9));
        var moved = New(0, "other", "service-centre", "厂区门口道路积水,申请市政疏通。", 2, officer);
        moved.Reassign(departments["housing"].Id, "属住建局职责。", manager, now.AddDays(-1));
        await db.SaveChangesAsync(cancellationToken);
    }
}
