using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The partner portal's contract: partners see only their own organisation's records (another's id is 404 for
/// read, write and download), anonymous callers get 401, pending and suspended organisations 403; bad input is a
/// 400 that saves nothing; Idempotency-Key repeats create nothing.
/// </summary>
public abstract class PortalContractTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    public static TheoryData<string, string> PartnerEndpoints => new()
    {
        { "GET", "/api/v1/portal/me" },
        { "GET", "/api/v1/portal/submissions" },
        { "POST", "/api/v1/portal/submissions" },
        { "GET", $"/api/v1/portal/submissions/{Guid.CreateVersion7()}" },
        { "POST", $"/api/v1/portal/submissions/{Guid.CreateVersion7()}/messages" },
        { "GET", $"/api/v1/portal/submissions/{Guid.CreateVersion7()}/attachments/{Guid.CreateVersion7()}" },
        { "GET", "/api/v1/portal/ledger" },
        { "GET", "/api/v1/portal/rewards" },
        { "POST", "/api/v1/portal/colleagues" },
        { "GET", "/api/v1/triage/submissions" },
        { "GET", "/api/v1/ledger" },
        { "GET", "/api/v1/admin/partners" },
    };

    private async Task<(PortalWork.PartnerUser Owner, Guid SubmissionId, Guid AttachmentId)> SubmissionWithAttachmentAsync()
    {
        var owner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var created = await (await owner.Client.SubmitFormAsync(PortalWork.Body(sector), ("方案.pdf", PortalWork.PdfBytes))).JsonAsync();
        var detail = await (await owner.Client.GetAsync($"/api/v1/portal/submissions/{created.Id()}")).JsonAsync();
        return (owner, created.Id(), detail.GetProperty("attachments")[0].Id());
    }

    [Fact]
    public async Task A_partner_submits_with_an_attachment_and_follows_it_to_acceptance()
    {
        var (owner, id, attachment) = await SubmissionWithAttachmentAsync();
        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);

        var mine = await (await owner.Client.GetAsync("/api/v1/portal/submissions")).JsonAsync();
        var download = await owner.Client.GetAsync($"/api/v1/portal/submissions/{id}/attachments/{attachment}");
        var staffDownload = await officer.GetAsync($"/api/v1/triage/submissions/{id}/attachments/{attachment}");
        var queue = await (await officer.GetAsync("/api/v1/triage/submissions")).JsonAsync();
        await (await officer.PostAsJsonAsync($"/api/v1/triage/submissions/{id}/messages", new { body = "内部:先核实资质", @internal = true })).JsonAsync();
        await (await officer.PostAsJsonAsync($"/api/v1/triage/submissions/{id}/messages", new { body = "请补充营收数据", @internal = false })).JsonAsync();
        await (await officer.PostAsync($"/api/v1/triage/submissions/{id}/review", null, null)).JsonAsync();
        var accepted = await (await officer.PostAsJsonAsync($"/api/v1/triage/submissions/{id}/accept", new { })).JsonAsync();
        var seen = await (await owner.Client.GetAsync($"/api/v1/portal/submissions/{id}")).JsonAsync();

        Assert.Matches("^PS-20[0-9]{2}-[2-9A-Z]{6}$", mine[0].GetProperty("reference").GetString());
        Assert.Equal(id, mine[0].Id());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(PortalWork.PdfBytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, staffDownload.StatusCode);
        Assert.Contains(queue.EnumerateArray(), item => item.Id() == id);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("Accepted", seen.GetProperty("status").GetString());
        Assert.Equal(["Submitted", "UnderReview", "Accepted"], seen.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        var messages = seen.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList();
        Assert.Equal(["请补充营收数据"], messages);
        var project = await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == accepted.GetProperty("projectId").GetGuid()).Select(p => new { p.Source, p.Stage }).SingleAsync());
        Assert.Equal(Domain.Projects.SourceChannel.PartnerPortal, project.Source);
        Assert.Equal(Domain.Projects.ProjectStage.Lead, project.Stage);
        var notices = await fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == owner.UserId && n.Kind == "submission.accepted"));
        Assert.Equal(1, notices);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/messages")]
    [InlineData("GET", "/attachments/{attachment}")]
    public async Task Another_partners_submission_is_404_for_read_write_and_download(string method, string suffix)
    {
        var (_, id, attachment) = await SubmissionWithAttachmentAsync();
        var stranger = await fixture.NewPartnerAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/portal/submissions/{id}{suffix.Replace("{attachment}", attachment.ToString(), StringComparison.Ordinal)}");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { body = "这是我的吗?" });
        }

        var response = await stranger.Client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await fixture.QueryAsync(db => db.SubmissionMessages.CountAsync(m => m.SubmissionId == id)));
    }

    [Fact]
    public async Task Another_partners_submissions_and_ledger_entries_are_not_listed()
    {
        var (owner, id, _) = await SubmissionWithAttachmentAsync();
        var stranger = await fixture.NewPartnerAsync();

        var list = await (await stranger.Client.GetAsync("/api/v1/portal/submissions")).JsonAsync();
        var ledger = await (await stranger.Client.GetAsync("/api/v1/portal/ledger")).JsonAsync();
        var ownLedger = await (await owner.Client.GetAsync("/api/v1/portal/ledger")).JsonAsync();
        var me = await (await stranger.Client.GetAsync("/api/v1/portal/me")).JsonAsync();

        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(0, ledger.GetArrayLength());
        Assert.Single(ownLedger.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, ownLedger[0].GetProperty("partnerName").ValueKind);
        Assert.Single(me.GetProperty("members").EnumerateArray());
        Assert.DoesNotContain(list.EnumerateArray(), s => s.Id() == id);
    }

    [Theory]
    [MemberData(nameof(PartnerEndpoints))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var client = fixture.Anonymous();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(PartnerStatus.Pending)]
    [InlineData(PartnerStatus.Suspended)]
    public async Task Pending_and_suspended_partners_get_403_on_every_portal_endpoint(PartnerStatus status)
    {
        var (_, id, attachment) = await SubmissionWithAttachmentAsync();
        var partner = await fixture.NewPartnerAsync(status);
        var sector = await fixture.SectorIdAsync();

        var responses = new[]
        {
            await partner.Client.GetAsync("/api/v1/portal/submissions"),
            await partner.Client.SubmitJsonAsync(PortalWork.Body(sector)),
            await partner.Client.GetAsync($"/api/v1/portal/submissions/{id}"),
            await partner.Client.PostAsJsonAsync($"/api/v1/portal/submissions/{id}/messages", new { body = "x" }),
            await partner.Client.GetAsync($"/api/v1/portal/submissions/{id}/attachments/{attachment}"),
            await partner.Client.GetAsync("/api/v1/portal/ledger"),
            await partner.Client.GetAsync("/api/v1/portal/rewards"),
        };

        foreach (var response in responses)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(0, await fixture.SubmissionCountAsync(partner.PartnerId));
    }

    [Fact]
    public async Task A_pending_partner_may_sign_in_and_read_its_status_but_a_suspended_one_cannot_sign_in()
    {
        var pending = await fixture.NewPartnerAsync(PartnerStatus.Pending);
        var suspended = await fixture.NewPartnerAsync(PartnerStatus.Suspended);
        using var anonymous = fixture.Anonymous();

        var me = await (await pending.Client.GetAsync("/api/v1/portal/me")).JsonAsync();
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = suspended.UserName, password = AppFixture.DemoPassword });

        Assert.Equal("Pending", me.GetProperty("status").GetString());
        Assert.False(signIn.IsSuccessStatusCode, $"{(int)signIn.StatusCode}");
    }

    [Theory]
    [InlineData(Roles.Officer, "GET", "/api/v1/portal/submissions")]
    [InlineData(Roles.Manager, "POST", "/api/v1/portal/submissions")]
    [InlineData(Roles.Auditor, "GET", "/api/v1/triage/submissions")]
    [InlineData(Roles.Partner, "GET", "/api/v1/triage/submissions")]
    [InlineData(Roles.Partner, "GET", "/api/v1/ledger")]
    [InlineData(Roles.Officer, "GET", "/api/v1/ledger")]
    [InlineData(Roles.Manager, "GET", "/api/v1/admin/partners")]
    [InlineData(Roles.Partner, "POST", "/api/v1/admin/attribution-lapses")]
    public async Task The_wrong_role_gets_403(string role, string method, string path)
    {
        var (_, client) = await fixture.NewUserAsync(role);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_cannot_triage_its_own_submission_or_download_through_the_staff_path()
    {
        var (owner, id, attachment) = await SubmissionWithAttachmentAsync();

        await (await owner.Client.PostAsJsonAsync($"/api/v1/triage/submissions/{id}/accept", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.Client.GetAsync($"/api/v1/triage/submissions/{id}/attachments/{attachment}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string[], string> BadFiles => new()
    {
        { "oversize", ["big.pdf"], "files" },
        { "magic", ["fake.pdf"], "files[0]" },
        { "six", ["1.pdf", "2.pdf", "3.pdf", "4.pdf", "5.pdf", "6.pdf"], "files" },
        { "extension", ["tool.exe"], "files[0]" },
        { "docx-not-word", ["sheet.docx"], "files[0]" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_attachments_are_400_and_nothing_is_saved(string kind, string[] names, string field)
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var filesBefore = fixture.StoredFiles();
        var files = names.Select(n => (n, kind switch
        {
            "oversize" => Oversize(),
            "magic" => PortalWork.PngBytes,
            "extension" => [0x4D, 0x5A, 0x90, 0x00],
            "docx-not-word" => MinimalZip("xl/workbook.xml"),
            _ => PortalWork.PdfBytes,
        })).ToArray();

        var response = await partner.Client.SubmitFormAsync(PortalWork.Body(sector), files);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await fixture.SubmissionCountAsync(partner.PartnerId));
        Assert.Equal(filesBefore, fixture.StoredFiles());

        static byte[] Oversize()
        {
            var bytes = new byte[Application.Portal.AttachmentRules.MaxBytes + 1];
            PortalWork.PdfBytes.CopyTo(bytes, 0);
            return bytes;
        }
    }

    [Fact]
    public async Task A_real_docx_xlsx_png_and_jpeg_are_accepted_and_their_names_cannot_be_paths()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();

        var response = await partner.Client.SubmitFormAsync(PortalWork.Body(sector),
            ("../../etc/计划书.docx", MinimalZip("word/document.xml")),
            ("表.xlsx", MinimalZip("xl/workbook.xml")),
            ("photo.png", PortalWork.PngBytes),
            ("site.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));

        var created = await response.JsonAsync();
        var detail = await (await partner.Client.GetAsync($"/api/v1/portal/submissions/{created.Id()}")).JsonAsync();
        var names = detail.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()).ToList();
        Assert.Equal(["photo.png", "site.jpg", "表.xlsx", "计划书.docx"], names.Order(StringComparer.Ordinal));
        var stored = await fixture.QueryAsync(db => db.SubmissionAttachments.Where(a => a.SubmissionId == created.Id()).Select(a => a.StoredName).ToListAsync());
        Assert.All(stored, s => Assert.Matches("^[0-9a-f]{32}\\.bin$", s));
    }

    [Theory]
    [InlineData("enterpriseNameZh")]
    [InlineData("country")]
    [InlineData("summary")]
    [InlineData("sectorId")]
    [InlineData("contactName")]
    public async Task A_missing_field_is_400_naming_it(string missing)
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var body = JsonSerializer.SerializeToNode(PortalWork.Body(sector), JsonSerializerOptions.Web)!.AsObject();
        body.Remove(missing);

        var response = await partner.Client.SubmitJsonAsync(body, idempotencyKey: Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(missing, out _), problem.ToString());
        Assert.Equal(0, await fixture.SubmissionCountAsync(partner.PartnerId));
        Assert.Equal(0, await fixture.QueryAsync(db => db.IdempotencyRecords.CountAsync(r => r.PartnerId == partner.PartnerId)));
    }

    [Fact]
    public async Task Malformed_json_and_a_wrong_credit_code_are_400()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();

        var malformed = await partner.Client.PostAsync("/api/v1/portal/submissions", new StringContent("{\"summary\": ", System.Text.Encoding.UTF8, "application/json"));
        var badCode = await partner.Client.SubmitJsonAsync(PortalWork.Body(sector, creditCode: "91320583MA0DP00133"));

        await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await badCode.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await fixture.SubmissionCountAsync(partner.PartnerId));
    }

    [Fact]
    public async Task Html_and_script_in_every_text_field_are_stored_as_plain_text()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var body = new
        {
            enterpriseNameZh = "企业" + Payload,
            enterpriseNameEn = "Co " + Payload,
            country = "DE",
            summary = Payload,
            sectorId = sector,
            contactName = Payload,
            contactPhone = Payload[..40],
        };

        var created = await (await partner.Client.SubmitJsonAsync(body)).JsonAsync();
        var message = await partner.Client.PostAsJsonAsync($"/api/v1/portal/submissions/{created.Id()}/messages", new { body = Payload });
        var detail = await (await partner.Client.GetAsync($"/api/v1/portal/submissions/{created.Id()}")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, message.StatusCode);
        Assert.Equal("企业" + Payload, detail.GetProperty("enterpriseNameZh").GetString());
        Assert.Equal("Co " + Payload, detail.GetProperty("enterpriseNameEn").GetString());
        Assert.Equal(Payload, detail.GetProperty("summary").GetString());
        Assert.Equal(Payload, detail.GetProperty("contactName").GetString());
        Assert.Equal(Payload[..40], detail.GetProperty("contactPhone").GetString());
        Assert.Equal(Payload, detail.GetProperty("messages")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_repeat_with_the_same_key_returns_the_first_response_and_creates_nothing()
    {
        var partner = await fixture.NewPartnerAsync();
        var body = PortalWork.Body(await fixture.SectorIdAsync());
        var key = Guid.NewGuid().ToString();

        var first = await partner.Client.SubmitJsonAsync(body, key);
        var repeat = await partner.Client.SubmitJsonAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.True(repeat.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await fixture.SubmissionCountAsync(partner.PartnerId));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var key = Guid.NewGuid().ToString();

        await (await partner.Client.SubmitJsonAsync(PortalWork.Body(sector, "第一家企业"), key)).JsonAsync();
        var other = await partner.Client.SubmitJsonAsync(PortalWork.Body(sector, "另一家企业"), key);

        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await fixture.SubmissionCountAsync(partner.PartnerId));
    }

    [Fact]
    public async Task A_repeat_while_the_first_is_in_flight_is_409()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var key = Guid.NewGuid().ToString();
        var name = $"在途企业 {key}";
        var body = PortalWork.Body(sector, name);

        // The first request has claimed the key and not finished: its row is in flight.
        var command = new SubmitProject(name, null, "DE", null, "拟在昆山设立华东生产基地。", sector, new MoneyDto(5_000_000_000L, "EUR"), 30.5, 80, "Jonas Weber", "+49 221 000 0000", "jonas@example.test");
        await fixture.QueryAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(partner.PartnerId, key, SubmitProjectHandler.Hash(command), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var repeat = await partner.Client.SubmitJsonAsync(body, key);

        await repeat.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await fixture.SubmissionCountAsync(partner.PartnerId));
    }

    [Fact]
    public async Task A_key_whose_first_request_died_in_flight_is_taken_over_by_the_repeat()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var key = Guid.NewGuid().ToString();
        var name = $"中断企业 {key}";
        var command = new SubmitProject(name, null, "DE", null, "拟在昆山设立华东生产基地。", sector, new MoneyDto(5_000_000_000L, "EUR"), 30.5, 80, "Jonas Weber", "+49 221 000 0000", "jonas@example.test");

        // The server stopped after claiming the key: the row is in flight, long enough ago to count as abandoned.
        await fixture.QueryAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(partner.PartnerId, key, SubmitProjectHandler.Hash(command), DateTime.UtcNow - Application.Common.Idempotency.IdempotencyRules.Abandoned - TimeSpan.FromSeconds(5)));
            return await db.SaveChangesAsync();
        });

        var repeat = await partner.Client.SubmitJsonAsync(PortalWork.Body(sector, name), key);
        var again = await partner.Client.SubmitJsonAsync(PortalWork.Body(sector, name), key);

        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await repeat.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await fixture.SubmissionCountAsync(partner.PartnerId));
    }

    [Fact]
    public async Task Fifty_parallel_double_submits_create_exactly_fifty_submissions()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var keys = Enumerable.Range(0, 50).Select(i => (Key: $"k-{i}-{Guid.NewGuid():N}", Body: PortalWork.Body(sector, $"并发企业 {i} {Guid.NewGuid():N}"))).ToList();

        var sends = keys.SelectMany(k => new[] { k, k }).Select(async k =>
        {
            var response = await partner.Client.SubmitJsonAsync(k.Body, k.Key);
            return (k.Key, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        });
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Body}"));
        Assert.Equal(50, await fixture.SubmissionCountAsync(partner.PartnerId));
        foreach (var group in results.Where(r => r.StatusCode == HttpStatusCode.Created).GroupBy(r => r.Key))
        {
            Assert.Single(group.Select(r => r.Body).Distinct());
        }

        Assert.Equal(50, results.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Key).Distinct().Count());
        var referenced = await fixture.QueryAsync(db => db.IdempotencyRecords.CountAsync(r => r.PartnerId == partner.PartnerId && r.State == IdempotencyState.Completed && r.SubmissionId != null));
        Assert.Equal(50, referenced);
    }

    [Fact]
    public async Task A_second_partner_reporting_the_same_enterprise_is_told_without_learning_by_whom()
    {
        var first = await fixture.NewPartnerAsync();
        var second = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var name = $"首报测试企业 {Guid.NewGuid():N}";

        var one = await (await first.Client.SubmitJsonAsync(PortalWork.Body(sector, name))).JsonAsync();
        var two = await (await second.Client.SubmitJsonAsync(PortalWork.Body(sector, name + " GmbH"))).JsonAsync();
        var again = await (await first.Client.SubmitJsonAsync(PortalWork.Body(sector, name))).JsonAsync();

        Assert.False(one.GetProperty("alreadyReported").GetBoolean());
        Assert.True(two.GetProperty("alreadyReported").GetBoolean());
        Assert.False(again.GetProperty("alreadyReported").GetBoolean());
        Assert.DoesNotContain(first.UserName, two.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("测试机构", two.ToString(), StringComparison.Ordinal);
        var attributions = await fixture.QueryAsync(db => db.Attributions.Where(a => a.PartnerId == first.PartnerId || a.PartnerId == second.PartnerId).Select(a => a.PartnerId).ToListAsync());
        Assert.Equal([first.PartnerId], attributions);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_partner_reads()
    {
        var partner = await fixture.NewPartnerAsync();
        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);
        var id = (await (await partner.Client.SubmitJsonAsync(PortalWork.Body(await fixture.SectorIdAsync()))).JsonAsync()).Id();

        var without = await officer.PostAsJsonAsync($"/api/v1/triage/submissions/{id}/reject", new { reason = " " });
        var rejected = await (await officer.PostAsJsonAsync($"/api/v1/triage/submissions/{id}/reject", new { reason = "不符合产业导向" })).JsonAsync();
        var again = await officer.PostAsJsonAsync($"/api/v1/triage/submissions/{id}/accept", new { });
        var seen = await (await partner.Client.GetAsync($"/api/v1/portal/submissions/{id}")).JsonAsync();

        await without.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        await again.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("不符合产业导向", seen.GetProperty("rejectReason").GetString());
        Assert.Equal("不符合产业导向", seen.GetProperty("timeline")[1].GetProperty("note").GetString());
    }

    [Fact]
    public async Task An_admin_approves_a_self_registered_partner_who_then_adds_a_colleague()
    {
        using var anonymous = fixture.Anonymous();
        var userName = $"r{Guid.NewGuid():N}"[..16];
        var registered = await (await anonymous.PostAsJsonAsync("/api/v1/portal/registrations", new
        {
            nameZh = "汉堡商会(测试)",
            nameEn = "Hamburg Chamber (test)",
            type = "ChamberOfCommerce",
            country = "DE",
            userName,
            displayName = "Anna",
            email = $"{userName}@partner.test",
            password = AppFixture.DemoPassword,
        })).JsonAsync();
        var partnerId = registered.GetProperty("partnerId").GetGuid();
        var founder = await fixture.ClientAsync(userName);
        var sector = await fixture.SectorIdAsync();
        var admin = await fixture.ClientAsync("admin");

        var whilePending = await founder.SubmitJsonAsync(PortalWork.Body(sector));
        var pendingList = await (await admin.GetAsync("/api/v1/admin/partners?status=Pending")).JsonAsync();
        var withoutType = await admin.PostAsJsonAsync($"/api/v1/admin/partners/{partnerId}/approve", new { });
        var approved = await (await admin.PostAsJsonAsync($"/api/v1/admin/partners/{partnerId}/approve", new { type = "Intermediary" })).JsonAsync();
        var afterwards = await founder.SubmitJsonAsync(PortalWork.Body(sector));
        var colleagueName = $"c{Guid.NewGuid():N}"[..16];
        var colleague = await founder.PostAsJsonAsync("/api/v1/portal/colleagues", new { userName = colleagueName, displayName = "Ben", email = $"{colleagueName}@partner.test", initialPassword = "Start#2026x" });
        var me = await (await founder.GetAsync("/api/v1/portal/me")).JsonAsync();

        Assert.Equal("Pending", registered.GetProperty("status").GetString());
        await whilePending.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(pendingList.EnumerateArray(), p => p.Id() == partnerId);
        await withoutType.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal("Intermediary", approved.GetProperty("type").GetString()); // the admin's confirmation, not the registrant's choice
        Assert.NotEqual(JsonValueKind.Null, approved.GetProperty("typeConfirmedAtUtc").ValueKind);
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.Created, colleague.StatusCode);
        Assert.Equal(2, me.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Suspending_a_partner_ends_its_members_access_on_the_next_request()
    {
        var partner = await fixture.NewPartnerAsync();
        var admin = await fixture.ClientAsync("admin");
        var before = await partner.Client.GetAsync("/api/v1/portal/submissions");

        await (await admin.PostAsJsonAsync($"/api/v1/admin/partners/{partner.PartnerId}/suspend", new { reason = "资质过期" })).JsonAsync();
        var after = await partner.Client.GetAsync("/api/v1/portal/submissions");
        var notifications = await partner.Client.GetAsync("/api/v1/portal/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await after.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await notifications.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_registrations_are_400_and_create_nothing()
    {
        using var anonymous = fixture.Anonymous();
        var before = await fixture.QueryAsync(db => db.Partners.CountAsync());

        var response = await anonymous.PostAsJsonAsync("/api/v1/portal/registrations", new { nameZh = "", type = "Intermediary", country = "germany", userName = "a b", email = "x", password = "" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "nameZh", "country", "userName", "email", "password", "displayName" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        Assert.Equal(before, await fixture.QueryAsync(db => db.Partners.CountAsync()));
    }

    [Fact]
    public async Task The_demo_partner_sees_its_organisations_demo_submissions_and_ledger_only()
    {
        var demo = await fixture.ClientAsync("partner");

        var me = await (await demo.GetAsync("/api/v1/portal/me")).JsonAsync();
        var submissions = await (await demo.GetAsync("/api/v1/portal/submissions")).JsonAsync();
        var ledger = await (await demo.GetAsync("/api/v1/portal/ledger")).JsonAsync();
        var demoIds = await fixture.QueryAsync(db => db.Submissions.Where(s => s.IsDemo).Select(s => s.Id).ToListAsync());

        Assert.Equal("Approved", me.GetProperty("status").GetString());
        Assert.Equal(demoIds.Order(), submissions.EnumerateArray().Select(s => s.Id()).Order());
        Assert.Equal(["Accepted", "Submitted", "UnderReview"], submissions.EnumerateArray().Select(s => s.GetProperty("status").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(3, ledger.GetArrayLength());
    }

    [Fact]
    public async Task A_submission_reads_as_much_with_five_files_as_with_one_and_the_queue_is_one_query()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);
        await (await partner.Client.SubmitJsonAsync(PortalWork.Body(sector), Guid.NewGuid().ToString())).JsonAsync(); // warm-up

        var one = await fixture.App.Sql.Measure(async () =>
            await (await partner.Client.SubmitFormAsync(PortalWork.Body(sector), ("1.pdf", PortalWork.PdfBytes))).JsonAsync());
        var five = await fixture.App.Sql.Measure(async () =>
            await (await partner.Client.SubmitFormAsync(PortalWork.Body(sector), [.. Enumerable.Range(1, 5).Select(i => ($"{i}.pdf", PortalWork.PdfBytes))])).JsonAsync());
        var queue = await fixture.App.Sql.Measure(async () => await (await officer.GetAsync("/api/v1/triage/submissions")).JsonAsync());

        // Reads do not grow with the files; inserts do only where the provider does not batch them (SQLite).
        static int Reads(IReadOnlyList<string> statements) => statements.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Reads(one), Reads(five));
        Assert.InRange(Reads(five), 1, 8);
        Assert.Single(queue);
    }

    private static byte[] MinimalZip(string entry)
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<x/>");
        }

        return memory.ToArray();
    }

    [Fact]
    public async Task A_submission_that_is_neither_json_nor_a_form_is_415_and_a_null_submission_field_400()
    {
        var partner = await fixture.NewPartnerAsync();

        using var plain = new StringContent("enterprise=x", System.Text.Encoding.UTF8, "text/plain");
        var wrongType = await partner.Client.PostAsync("/api/v1/portal/submissions", plain);
        using var none = new ByteArrayContent([]);
        var noType = await partner.Client.PostAsync("/api/v1/portal/submissions", none);
        using var form = new MultipartFormDataContent { { new StringContent("null"), "submission" } };
        var nullField = await partner.Client.PostAsync("/api/v1/portal/submissions", form);

        await wrongType.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await noType.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await nullField.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await fixture.SubmissionCountAsync(partner.PartnerId));
    }
}

public sealed class SqlitePortalTests(SqliteApp fixture) : PortalContractTests<SqliteApp>(fixture);

public sealed class PostgresPortalTests(PostgresApp fixture) : PortalContractTests<PostgresApp>(fixture);

/// <summary>Portal:SubmissionsPerMinute per organisation: the next submission is 429 with Retry-After, and other organisations are unaffected.</summary>
public sealed class PortalRateLimitTests(SqliteLowRateApp fixture) : IClassFixture<SqliteLowRateApp>
{
    [Fact]
    public async Task Submissions_beyond_the_per_partner_limit_get_429_with_retry_after()
    {
        var partner = await fixture.NewPartnerAsync();
        var other = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();

        for (var i = 0; i < SqliteLowRateApp.SubmissionsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await partner.Client.SubmitJsonAsync(PortalWork.Body(sector))).StatusCode);
        }

        var limited = await partner.Client.SubmitJsonAsync(PortalWork.Body(sector));
        var otherPartner = await other.Client.SubmitJsonAsync(PortalWork.Body(sector));

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, limited.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.Created, otherPartner.StatusCode);
        Assert.Equal(SqliteLowRateApp.SubmissionsPerMinute, await fixture.SubmissionCountAsync(partner.PartnerId));
    }
}
