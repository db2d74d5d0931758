using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The expected outcomes, per endpoint and caller: the matrix's specification, kept in the test (issue 8).
/// </summary>
internal static class AuthorizationMatrix
{
    // Outcomes: ok = authorised (anything but 401/403 and never a 5xx: a 400/404/409/422/428 from the handler is fine,
    // the matrix checks who may call, not business rules); 401; 403; no = not yours, 403 or 404 and never 2xx.
    // Route values come from rows made in the test: the project, follow-up, interaction and notification belong to
    // `officer` (Owner; `officer2` is Colleague), the submission and its attachment to partner A (demo `partner`);
    // partner B is a second approved organisation. Edits of the owner's rows carry a valid body and a stale If-Match,
    // so the owner and managers reach the version check (409) and nothing changes, while anyone else meets the
    // ownership rule first.
    //
    //       method  pattern                                                                anon pA   pB   own  col  mgr  adm  aud  dpt
    internal static readonly string[] Table =
    [
        "GET     /_blazor                                                               ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /_blazor/disconnect/                                                   ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /_blazor/initializers/                                                 ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /_blazor/negotiate                                                     ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /_framework/opaque-redirect                                            ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /account/change-password                                               ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /account/login                                                         ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /account/logout                                                        401  ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /account/two-factor/verify                                             ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /api/v1/admin/attribution-lapses                                       401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/audit/verify                                             401  403  403  403  403  403  ok   ok   403",
        "GET     /api/v1/admin/departments/                                             401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/departments/                                             401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/departments/{id:guid}                                    401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/departments/{id:guid}/members                            401  403  403  403  403  403  ok   403  403",
        "DELETE  /api/v1/admin/departments/{id:guid}/members/{userId:guid}              401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/channels/                                                401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/channels/                                                401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/channels/{id:guid}                                       401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/channels/{id:guid}/test                                  401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/me/settings                                                    401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/me/settings                                                    401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/admin/carriers/import/template.xlsx                            401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/carriers/import                                          401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/carriers/import/preview                                  401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/carriers/parcels                                         401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/carriers/parcels/{id:guid}                               401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/carriers/parcels/{id:guid}/status                        401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/carriers/premises                                        401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/carriers/premises/{id:guid}                              401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/carriers/overview                                              401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/carriers/parcels                                               401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/carriers/parcels/{id:guid}                                     401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/carriers/premises                                              401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/carriers/premises/{id:guid}                                    401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/admin/exchange-rates/                                          401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/exchange-rates/                                          401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/exchange-rates/{id:guid}                                 401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/jobs/                                                    401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/jobs/{name}/run                                          401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/parks/                                                   401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/parks/                                                   401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/parks/{id:guid}                                          401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/parks/{id:guid}                                          401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/partners/                                                401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/partners/{id:guid}/approve                               401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/partners/{id:guid}/suspend                               401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/reviewers/                                               401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/reviewers/                                               401  403  403  403  403  403  ok   403  403",
        "DELETE  /api/v1/admin/reviewers/{id:guid}                                      401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/sectors/                                                 401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/sectors/                                                 401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/sectors/{id:guid}                                        401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/sectors/{id:guid}                                        401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/sectors/{id:guid}/deactivate                             401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/sectors/{id:guid}/lead-officer                           401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/sectors/{id:guid}/reactivate                             401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/service-categories/                                      401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/service-categories/                                      401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/service-categories/{id:guid}                             401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/snapshots                                                401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/targets/                                                 401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/targets/                                                 401  403  403  403  403  403  ok   403  403",
        "DELETE  /api/v1/admin/targets/{id:guid}                                        401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/targets/{id:guid}                                        401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/admin/users/                                                   401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/users/                                                   401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/users/{id:guid}/disable                                  401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/users/{id:guid}/enable                                   401  403  403  403  403  403  ok   403  403",
        "POST    /api/v1/admin/users/{id:guid}/reset-password                           401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/users/{id:guid}/roles                                    401  403  403  403  403  403  ok   403  403",
        "PUT     /api/v1/admin/users/{id:guid}/sectors                                  401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/audit/                                                         401  403  403  403  403  403  ok   ok   403",
        "GET     /api/v1/audit/export.csv                                               401  403  403  403  403  403  ok   ok   403",
        "GET     /api/v1/audit/export.xlsx                                              401  403  403  403  403  403  ok   ok   403",
        "POST    /api/v1/auth/change-password                                           ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /api/v1/auth/me                                                        401  ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /api/v1/auth/token                                                     ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /api/v1/commitments/                                                   401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/commitments/export.xlsx                                        401  403  403  403  403  ok   ok   403  403",
        "DELETE  /api/v1/commitments/{id:guid}                                          401  403  403  ok   403  ok   ok   403  403",
        "PUT     /api/v1/commitments/{id:guid}                                          401  403  403  ok   403  ok   ok   403  403",
        "DELETE  /api/v1/contacts/{id:guid}                                             401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/contacts/{id:guid}                                             401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/contacts/{id:guid}                                             401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/enterprises/                                                   401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/enterprises/                                                   401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/enterprises/duplicates                                         401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/enterprises/{id:guid}/files                                    401  403  403  ok   ok   ok   ok   ok   403",
        "POST    /api/v1/enterprises/{id:guid}/files                                    401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/enterprises/{id:guid}                                          401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/enterprises/{id:guid}                                          401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/enterprises/{id:guid}/aliases/                                 401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/enterprises/{id:guid}/aliases/                                 401  403  403  ok   ok   ok   ok   403  403",
        "DELETE  /api/v1/enterprises/{id:guid}/aliases/{aliasId:guid}                   401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/enterprises/{id:guid}/contacts                                 401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/enterprises/{id:guid}/history                                  401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/enterprises/{id:guid}/service-requests                         401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/enterprises/{id:guid}/service-officer                          401  403  403  403  403  ok   ok   403  403",
        "POST    /api/v1/enterprises/{id:guid}/merge-into/{survivorId:guid}             401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/events/                                                        401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/events/                                                        401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/events/{id:guid}                                               401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/events/{id:guid}                                               401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/events/{id:guid}/signings                                      401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/events/{id:guid}/signings                                      401  403  403  403  403  ok   ok   403  403",
        "DELETE  /api/v1/files/{id:guid}                                                401  403  403  ok   no   ok   ok   403  403",
        "GET     /api/v1/files/{id:guid}                                                401  403  403  ok   ok   ok   ok   ok   403",
        "GET     /api/v1/figures/pending                                                401  403  403  403  403  ok   403  403  403",
        "GET     /api/v1/figures/{id:guid}/evidence                                     401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/figures/{id:guid}/correct                                      401  403  403  ok   403  ok   ok   403  403",
        "POST    /api/v1/figures/{id:guid}/reject                                       401  403  403  403  403  ok   403  403  403",
        "POST    /api/v1/figures/{id:guid}/verify                                       401  403  403  403  403  ok   403  403  403",
        "POST    /api/v1/follow-ups/                                                    401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/follow-ups/mine                                                401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/follow-ups/{id:guid}                                           401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/follow-ups/{id:guid}                                           401  403  403  ok   403  ok   ok   403  403",
        "POST    /api/v1/follow-ups/{id:guid}/cancel                                    401  403  403  ok   403  ok   ok   403  403",
        "POST    /api/v1/follow-ups/{id:guid}/complete                                  401  403  403  ok   403  ok   ok   403  403",
        "POST    /api/v1/follow-ups/{id:guid}/reassign                                  401  403  403  ok   403  ok   ok   403  403",
        "POST    /api/v1/follow-ups/{id:guid}/reschedule                                401  403  403  ok   403  ok   ok   403  403",
        "POST    /api/v1/interactions/                                                  401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/interactions/{id:guid}/files                                   401  403  403  ok   ok   ok   ok   ok   403",
        "POST    /api/v1/interactions/{id:guid}/files                                   401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/interactions/{id:guid}                                         401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/ledger                                                         401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/notifications/                                                 401  ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /api/v1/notifications/read-all                                         401  ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /api/v1/notifications/{id:guid}/read                                   401  no   no   ok   no   no   no   no   no",
        "POST    /api/v1/portal/colleagues                                              401  ok   ok   403  403  403  403  403  403",
        "GET     /api/v1/portal/ledger                                                  401  ok   ok   403  403  403  403  403  403",
        "GET     /api/v1/portal/rewards                                                 401  ok   ok   403  403  403  403  403  403",
        "GET     /api/v1/portal/me                                                      401  ok   ok   403  403  403  403  403  403",
        "POST    /api/v1/portal/registrations                                           ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /api/v1/portal/submissions                                             401  ok   ok   403  403  403  403  403  403",
        "POST    /api/v1/portal/submissions                                             401  ok   ok   403  403  403  403  403  403",
        "GET     /api/v1/portal/submissions/{id:guid}                                   401  ok   no   403  403  403  403  403  403",
        "GET     /api/v1/portal/submissions/{id:guid}/attachments/{attachmentId:guid}   401  ok   no   403  403  403  403  403  403",
        "POST    /api/v1/portal/submissions/{id:guid}/messages                          401  ok   no   403  403  403  403  403  403",
        "GET     /api/v1/projects/                                                      401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/                                                      401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/export.csv                                            401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/export.xlsx                                           401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/import                                                401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/ledger/import                                         401  403  403  403  403  ok   ok   403  403",
        "POST    /api/v1/projects/ledger/preview                                        401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/ledger/template.xlsx                                  401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/import-template.xlsx                                  401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}                                             401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/projects/{id:guid}                                             401  403  403  ok   403  ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/files                                       401  403  403  ok   ok   ok   ok   ok   403",
        "POST    /api/v1/projects/{id:guid}/files                                       401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/figures                                     401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/{id:guid}/figures                                     401  403  403  ok   403  ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/commitments                                 401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/{id:guid}/commitments                                 401  403  403  ok   403  ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/carrier-matches                             401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/{id:guid}/carrier-reservations                        401  403  403  ok   403  ok   ok   403  403",
        "DELETE  /api/v1/projects/{id:guid}/carrier-reservations                        401  403  403  ok   403  ok   ok   403  403",
        "PUT     /api/v1/projects/{id:guid}/figures                                     401  403  403  ok   403  ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/follow-ups                                  401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/flags                                       401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/{id:guid}/reassign                                    401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/history                                     401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/milestones/                                 401  403  403  ok   ok   ok   ok   403  403",
        "PUT     /api/v1/projects/{id:guid}/milestones/{kind}                           401  403  403  ok   403  ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/milestones/{kind}/evidence                  401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/reviews                                     401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/projects/{id:guid}/reviews                                     401  403  403  ok   403  ok   ok   403  403",
        "POST    /api/v1/projects/{id:guid}/stage                                       401  403  403  ok   403  ok   ok   403  403",
        "GET     /api/v1/projects/{id:guid}/timeline                                    401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/service-requests/close-times                           401  403  403  403  403  ok   403  403  403",
        "GET     /api/v1/reports/service-requests/load                                  401  403  403  403  403  ok   403  403  403",
        "GET     /api/v1/reports/service-requests/satisfaction                          401  403  403  403  403  ok   403  403  403",
        "GET     /api/v1/reports/by-country                                             401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/by-officer                                             401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/by-source                                              401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/events                                                 401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/export.csv                                             401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/export.xlsx                                            401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/foreign-capital-by-country                             401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/foreign-capital-by-sector                              401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/funnel-matrix                                          401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/funnel                                                 401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/per-mu                                                 401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/pledged-vs-realised                                    401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/realised-by-month                                      401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/stage-durations                                        401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/stalled                                                401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/targets                                                401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/trend                                                  401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reports/{report}.csv                                           401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/reviews/                                                       401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/reviews/check                                                  401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/reviews/{id:guid}/decision                                     401  403  403  403  403  ok   403  403  403",
        "POST    /api/v1/reviews/{id:guid}/opinions                                     401  403  403  403  403  ok   403  403  403",
        "GET     /api/v1/sectors/                                                       401  ok   ok   ok   ok   ok   ok   ok   ok",
        "POST    /api/v1/sectors/                                                       401  403  403  403  403  403  ok   403  403",
        "GET     /api/v1/sectors/overview                                               401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/rewards/                                                       401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/rewards/export.xlsx                                            401  403  403  403  403  ok   ok   403  403",
        "POST    /api/v1/rewards/payouts                                                401  403  403  403  403  ok   ok   403  403",
        "POST    /api/v1/rewards/payouts/{id:guid}/approve                              401  403  403  403  403  ok   403  403  403",
        "POST    /api/v1/rewards/payouts/{id:guid}/paid                                 401  403  403  403  403  ok   ok   403  403",
        "GET     /api/v1/service-requests/                                              401  403  403  ok   ok   ok   ok   403  ok",
        "POST    /api/v1/service-requests/                                              401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/service-requests/due                                           401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/service-requests/options                                       401  403  403  ok   ok   ok   ok   403  ok",
        "GET     /api/v1/service-requests/{id:guid}                                     401  403  403  ok   ok   ok   ok   403  no",
        "POST    /api/v1/service-requests/{id:guid}/attachments                         401  403  403  ok   ok   ok   ok   403  ok",
        "GET     /api/v1/service-requests/{id:guid}/attachments/{attachmentId:guid}     401  403  403  ok   ok   ok   ok   403  no",
        "POST    /api/v1/service-requests/{id:guid}/close                               401  403  403  403  403  ok   ok   403  no",
        "POST    /api/v1/service-requests/{id:guid}/reassign                            401  403  403  403  403  ok   ok   403  no",
        "POST    /api/v1/service-requests/{id:guid}/return                              401  403  403  403  403  ok   ok   403  no",
        "POST    /api/v1/service-requests/{id:guid}/start                               401  403  403  403  403  ok   ok   403  no",
        "POST    /api/v1/service-requests/{id:guid}/visit                               401  403  403  ok   403  ok   ok   403  403",
        "GET     /api/v1/triage/submissions/                                            401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/triage/submissions/{id:guid}                                   401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/triage/submissions/{id:guid}/accept                            401  403  403  ok   ok   ok   ok   403  403",
        "GET     /api/v1/triage/submissions/{id:guid}/attachments/{attachmentId:guid}   401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/triage/submissions/{id:guid}/duplicate                         401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/triage/submissions/{id:guid}/messages                          401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/triage/submissions/{id:guid}/reject                            401  403  403  ok   ok   ok   ok   403  403",
        "POST    /api/v1/triage/submissions/{id:guid}/review                            401  403  403  ok   ok   ok   ok   403  403",
        "GET     /culture                                                               ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /hangfire/{**path}                                                     401  403  403  403  403  403  ok   403  403",
        "GET     /health/live                                                           ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /health/ready                                                          ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /openapi/{documentName}.json                                           ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /scalar/favicon.svg                                                    ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /scalar/scalar.aspnetcore.js                                           ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /scalar/scalar.js                                                      ok   ok   ok   ok   ok   ok   ok   ok   ok",
        "GET     /scalar/{documentName?}                                                ok   ok   ok   ok   ok   ok   ok   ok   ok",
    ];
}

/// <summary>The callers, in the table's column order.</summary>
internal enum Caller
{
    Anonymous,
    PartnerA,
    PartnerB,
    Owner,
    Colleague,
    Manager,
    Admin,
    Auditor,

    /// <summary>A department's handling user (ADR 0031): sees only its department's service requests.</summary>
    Department,
}

/// <summary>
/// The authorisation matrix (issue 8): every endpoint the app maps, called as each kind of caller, against the table
/// above. The table is the specification: an endpoint the app maps that is not in it fails the test (with the rows to
/// paste), and so does a row whose endpoint no longer exists.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_table_says()
    {
        var app = fixture.App;
        var endpoints = MatrixEndpoints.Enumerate(app.Services);
        var table = MatrixEndpoints.Parse(AuthorizationMatrix.Table);

        var missing = endpoints.Where(e => !table.ContainsKey(e.Key)).ToList();
        var stale = table.Keys.Where(k => endpoints.All(e => e.Key != k)).ToList();
        var world = await MatrixWorld.CreateAsync(fixture);

        var failures = new List<string>();
        var observed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var statuses = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var row = new string[Enum.GetValues<Caller>().Length];
            var codes = new int[row.Length];
            foreach (var caller in Enum.GetValues<Caller>())
            {
                using var request = world.Request(endpoint);
                using var response = await world.Client(caller).SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var outcome = Classify(response);
                row[(int)caller] = outcome;
                codes[(int)caller] = (int)response.StatusCode;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{endpoint.Key} as {caller}: {(int)response.StatusCode} {Truncate(body)}");
                }
                else if (table.TryGetValue(endpoint.Key, out var expected) && !Matches(expected[(int)caller], response))
                {
                    failures.Add($"{endpoint.Key} as {caller}: expected {expected[(int)caller]}, got {(int)response.StatusCode} {Truncate(body)}");
                }
            }

            observed[endpoint.Key] = row;
            statuses[endpoint.Key] = codes;
        }

        var message = new StringBuilder();
        if (missing.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{missing.Count} endpoint(s) missing from the table (observed outcomes; check each before pasting):");
            foreach (var endpoint in missing)
            {
                message.AppendLine(MatrixEndpoints.Row(endpoint.Key, observed[endpoint.Key], statuses[endpoint.Key]));
            }
        }

        if (stale.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{stale.Count} table row(s) with no endpoint: {string.Join(", ", stale)}");
        }

        foreach (var failure in failures)
        {
            message.AppendLine(failure);
        }

        Assert.True(message.Length == 0, message.ToString());
        Assert.True(endpoints.Count >= 100, $"Only {endpoints.Count} endpoints found: the enumeration is broken.");
        Console.WriteLine($"Authorisation matrix on {app.Provider}: {endpoints.Count} endpoints × {Enum.GetValues<Caller>().Length} callers = {endpoints.Count * Enum.GetValues<Caller>().Length} calls.");
    }

    /// <summary>401 also covers the UI's redirect to the sign-in page (a form post without a session).</summary>
    private static string Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => "401",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true
            && response.Headers.Location.OriginalString.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase) => "401",
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.NotFound => "404",
        _ => "ok",
    };

    private static bool Matches(string expected, HttpResponseMessage response)
    {
        var outcome = Classify(response);
        return expected switch
        {
            "ok" => outcome is "ok" or "404",
            "no" => outcome is "403" or "404",
            _ => outcome == expected,
        };
    }

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";

}

/// <summary>The rows the route values point at, and a client per caller.</summary>
internal sealed class MatrixWorld
{
    private const string StaleVersion = "W/\"987654\"";

    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private readonly Dictionary<string, Guid> _ids = new(StringComparer.Ordinal);
    private Guid _officerId;
    private Guid _officer2Id;

    public HttpClient Client(Caller caller) => _clients[caller];

    /// <summary>An If-Match older than any row's version: edits reach the version check and change nothing.</summary>
    public string StaleIfMatch => StaleVersion;

    /// <summary>The ids of every row the world made or picked, and the demo officers', for generated bodies.</summary>
    public IReadOnlyList<Guid> KnownIds => [.. _ids.Values, _officerId, _officer2Id];

    public static async Task<MatrixWorld> CreateAsync(AppFixture fixture)
    {
        var world = new MatrixWorld();
        world._officerId = await fixture.UserIdAsync("officer");
        world._officer2Id = await fixture.UserIdAsync("officer2");

        var project = await fixture.NewProjectAsync(world._officerId);
        world._ids["project"] = project;
        world._ids["followUp"] = (await fixture.AddFollowUpsAsync(project, world._officerId, 3))[0];
        var commitment = new Domain.Figures.AgreementCommitment(project, Domain.Figures.CommitmentMetric.AnnualTax, 100_0000_00, StaffWork.KunshanToday.AddDays(30), "矩阵承诺", world._officerId, DateTime.UtcNow);
        await fixture.WriteAsync(db => db.Commitments.Add(commitment));
        world._ids["commitment"] = commitment.Id;
        var parcel = new Domain.Carriers.LandParcel($"矩阵-{Guid.NewGuid():N}"[..12], await fixture.QueryAsync(db => db.Parks.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()), 10, Domain.Carriers.CarrierUse.Industrial, Domain.Carriers.ParcelStatus.Available, null, null);
        var premises = new Domain.Carriers.Premises(parcel.ParkId, $"矩阵楼-{Guid.NewGuid():N}"[..12], Domain.Carriers.PremisesKind.Office, 100, 50, null, 1, null, null);
        await fixture.WriteAsync(db => { db.LandParcels.Add(parcel); db.Premises.Add(premises); });
        (world._ids["parcel"], world._ids["premises"]) = (parcel.Id, premises.Id);
        await fixture.AddInteractionsAsync(project, world._officerId, 1);
        world._ids["interaction"] = await fixture.QueryAsync(db => db.Interactions.Where(i => i.ProjectId == project).Select(i => i.Id).FirstAsync());
        world._ids["notification"] = await fixture.AddNotificationAsync(world._officerId, "矩阵测试通知");
        world._ids["enterprise"] = await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.EnterpriseId!.Value).SingleAsync());
        var spare = await fixture.NewProjectAsync(world._officer2Id);
        world._ids["mergedEnterprise"] = await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == spare).Select(p => p.EnterpriseId!.Value).SingleAsync());
        world._ids["survivorEnterprise"] = await fixture.QueryAsync(db => db.Enterprises.Where(e => e.Id != world._ids["enterprise"] && e.Id != world._ids["mergedEnterprise"]).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var contacts = await fixture.QueryAsync(db => db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync());
        world._ids["contact"] = contacts[0];
        world._ids["spareContact"] = contacts[1];
        world._ids["event"] = await fixture.QueryAsync(db => db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        world._ids["sector"] = await fixture.QueryAsync(db => db.Sectors.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        world._ids["park"] = await fixture.QueryAsync(db => db.Parks.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        world._ids["rate"] = await fixture.QueryAsync(db => db.ExchangeRates.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        world._ids["target"] = await fixture.QueryAsync(db => db.Targets.OrderBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync());
        world._ids["user"] = (await fixture.NewUserAsync(Roles.Officer)).Id;
        world._ids["partner"] = (await fixture.NewPartnerAsync(Domain.Partners.PartnerStatus.Pending)).PartnerId;
        var figure = new Domain.Figures.FigureEntry(project, Domain.Figures.FigureKind.TaxPaid, 202601, 100_00, "CNY", 100_00, null, "矩阵实绩", world._officerId, DateTime.UtcNow);
        await fixture.QueryAsync(db =>
        {
            db.FigureEntries.Add(figure);
            return db.SaveChangesAsync();
        });
        world._ids["figure"] = figure.Id;
        world._ids["payout"] = Guid.CreateVersion7(); // none exists: callers allowed past authorisation get 404
        world._ids["reviewer"] = Guid.CreateVersion7(); // none named: the admin gets 404
        world._ids["review"] = await MatrixReviewAsync(fixture, world._officerId);

        // A service request `officer` logged, routed to 人社局: the demo `dept` user (供电所) does not see it (404).
        var (category, hrss, power) = await fixture.QueryAsync(async db => (
            await db.ServiceCategories.Where(c => c.Code == "hiring").Select(c => c.Id).SingleAsync(),
            await db.Departments.Where(d => d.Code == "hrss").Select(d => d.Id).SingleAsync(),
            await db.Departments.Where(d => d.Code == "power").Select(d => d.Id).SingleAsync()));
        var serviceRequest = new Domain.Services.ServiceRequest(world._ids["enterprise"], category, hrss, "矩阵诉求", null, null, world._officerId, world._officerId, DateTime.UtcNow, DateTime.UtcNow.AddDays(15));
        await fixture.WriteAsync(db => db.ServiceRequests.Add(serviceRequest));
        world._ids["serviceRequest"] = serviceRequest.Id;
        world._ids["serviceCategory"] = category;
        world._ids["powerDepartment"] = power;

        // Two files `officer` attached to the project (ADR 0037): one to download, one for DELETE (the owner deletes it first, so later callers meet a 404).
        var store = fixture.App.Services.GetRequiredService<Application.Portal.IAttachmentStore>();
        foreach (var key in new[] { "staffFile", "spareStaffFile" })
        {
            var stored = await store.SaveAsync(PortalWork.PdfBytes, CancellationToken.None);
            var file = new Domain.Files.StaffAttachment(Domain.Files.AttachmentOwnerKind.Project, project, Domain.Files.StaffFileCategory.Contract, "矩阵合同.pdf", stored, "application/pdf", PortalWork.PdfBytes.Length, null, null, world._officerId, DateTime.UtcNow);
            await fixture.WriteAsync(db => db.StaffAttachments.Add(file));
            world._ids[key] = file.Id;
        }

        world._clients[Caller.Anonymous] = NoRedirects(fixture, null);
        world._clients[Caller.PartnerA] = NoRedirects(fixture, await fixture.ClientAsync("partner"));
        world._clients[Caller.PartnerB] = NoRedirects(fixture, (await fixture.NewPartnerAsync()).Client);
        world._clients[Caller.Owner] = NoRedirects(fixture, await fixture.ClientAsync("officer"));
        world._clients[Caller.Colleague] = NoRedirects(fixture, await fixture.ClientAsync("officer2"));
        world._clients[Caller.Manager] = NoRedirects(fixture, await fixture.ClientAsync("manager"));
        world._clients[Caller.Admin] = NoRedirects(fixture, await fixture.ClientAsync("admin"));
        world._clients[Caller.Auditor] = NoRedirects(fixture, await fixture.ClientAsync("auditor"));
        world._clients[Caller.Department] = NoRedirects(fixture, await fixture.ClientAsync("dept"));

        var sector = world._ids["sector"];
        using var partnerA = await fixture.ClientAsync("partner");
        var created = await (await partnerA.SubmitFormAsync(PortalWork.Body(sector, nameZh: $"矩阵企业 {Guid.NewGuid():N}"[..12]), ("方案.pdf", PortalWork.PdfBytes))).JsonAsync();
        world._ids["submission"] = created.Id();
        var detail = await (await partnerA.GetAsync($"/api/v1/portal/submissions/{created.Id()}")).JsonAsync();
        world._ids["attachment"] = detail.GetProperty("attachments")[0].Id();
        return world;
    }

    /// <summary>A pending round on a project of the owner's in 洽谈: opinions and decisions reach its rules (422 without their texts).</summary>
    private static async Task<Guid> MatrixReviewAsync(AppFixture fixture, Guid ownerId)
    {
        var projectId = await fixture.NewProjectAsync(ownerId);
        var reviewId = Guid.Empty;
        await fixture.QueryAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            project.MoveTo(Domain.Projects.ProjectStage.Negotiating, new Domain.Projects.StageActor(ownerId, false), null, DateTime.UtcNow, Domain.Projects.StageFacts.None);
            var sheet = new Domain.Reviews.ReviewSheet(Domain.Carriers.CarrierUse.Industrial, 50, 30_000_0000_00L, 3_000_0000_00L, 1000, Domain.Reviews.EnvironmentalCategory.ReportForm, 200, null);
            var review = Domain.Reviews.ProjectReview.Submit(project, null, sheet, 2026, Domain.Reviews.EntryThresholds.None, ownerId, DateTime.UtcNow);
            db.ProjectReviews.Add(review);
            reviewId = review.Id;
            return await db.SaveChangesAsync();
        });
        return reviewId;
    }

    /// <summary>
    /// The caller's credentials (from the fixture's sign-in helper, so a change of sign-in adapts here too) on a
    /// client that does not follow redirects: the UI's redirect to the sign-in page must be seen, not its 200.
    /// </summary>
    private static HttpClient NoRedirects(AppFixture fixture, HttpClient? signedIn)
    {
        var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn?.DefaultRequestHeaders.Authorization;
        signedIn?.Dispose();
        return client;
    }

    public HttpRequestMessage Request(MatrixEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Path(endpoint.Method, endpoint.Pattern));
        var (body, ifMatch) = Body(endpoint.Key);
        if (endpoint.Key is "POST /api/v1/projects/import" or "POST /api/v1/projects/ledger/preview" or "POST /api/v1/projects/ledger/import"
            or "POST /api/v1/service-requests/{id:guid}/attachments" or "POST /api/v1/admin/carriers/import/preview" or "POST /api/v1/admin/carriers/import"
            or "POST /api/v1/projects/{id:guid}/files" or "POST /api/v1/enterprises/{id:guid}/files" or "POST /api/v1/interactions/{id:guid}/files")
        {
            // Routing matches this endpoint only for a form (its Accepts metadata); JSON would be 415 before authorisation.
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(PortalWork.PdfBytes), "file", "leads.xlsx");
            request.Content = form;
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        else if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return request;
    }

    /// <summary>Valid bodies where a record-level rule sits behind validation (so the rule is reached); {} elsewhere.</summary>
    private (object? Body, string? IfMatch) Body(string key) => key switch
    {
        "PUT /api/v1/projects/{id:guid}" => (new { name = "矩阵项目", enterpriseId = _ids["enterprise"], source = "WalkIn", ownerId = _officerId }, StaleVersion),
        "PUT /api/v1/projects/{id:guid}/figures" => (new { pledged = new { } }, StaleVersion),
        "POST /api/v1/projects/{id:guid}/stage" => (new { target = "Contacted" }, StaleVersion),
        "POST /api/v1/follow-ups/{id:guid}/complete" => (new { note = "矩阵" }, StaleVersion),
        "POST /api/v1/projects/{id:guid}/figures" => (new { kind = "TaxPaid", period = 209912, amount = 100, currency = "CNY" }, null),
        "POST /api/v1/figures/{id:guid}/correct" => (new { amount = 100, currency = "CNY" }, StaleVersion),
        "POST /api/v1/figures/{id:guid}/verify" => (new { }, StaleVersion),
        "POST /api/v1/figures/{id:guid}/reject" => (new { reason = "矩阵" }, StaleVersion),
        "POST /api/v1/projects/{id:guid}/commitments" => (new { metric = "AnnualTax", target = 100_0000_00L, checkOn = "2030-12-31" }, null),
        "PUT /api/v1/commitments/{id:guid}" => (new { metric = "AnnualTax", target = 100_0000_00L, checkOn = "2030-12-31" }, StaleVersion),
        "DELETE /api/v1/commitments/{id:guid}" => (null, StaleVersion),
        "PUT /api/v1/admin/carriers/parcels/{id:guid}/status" => (new { status = "Reserve" }, StaleVersion),
        "POST /api/v1/follow-ups/{id:guid}/reassign" => (new { assigneeId = _officer2Id }, StaleVersion),
        "POST /api/v1/projects/{id:guid}/reassign" => (new { ownerId = _officer2Id, reason = "矩阵转交" }, StaleVersion),
        "PUT /api/v1/follow-ups/{id:guid}" => (new { title = "矩阵任务", notes = "矩阵" }, StaleVersion),
        "POST /api/v1/follow-ups/{id:guid}/reschedule" => (new { dueOn = "2030-12-31", reason = "矩阵" }, StaleVersion),
        "POST /api/v1/follow-ups/{id:guid}/cancel" => (new { reason = "矩阵" }, StaleVersion),
        "POST /api/v1/service-requests/" => (new { enterpriseId = _ids["enterprise"], categoryId = _ids["serviceCategory"], departmentId = _ids["powerDepartment"], description = "矩阵诉求" }, null),
        "POST /api/v1/service-requests/{id:guid}/start" => (new { }, StaleVersion),
        "POST /api/v1/service-requests/{id:guid}/close" => (new { reply = "矩阵答复" }, StaleVersion),
        "POST /api/v1/service-requests/{id:guid}/return" => (new { reason = "矩阵退回" }, StaleVersion),
        "POST /api/v1/service-requests/{id:guid}/reassign" => (new { departmentId = _ids["powerDepartment"], note = "矩阵" }, StaleVersion),
        "POST /api/v1/service-requests/{id:guid}/visit" => (new { satisfaction = 5, comment = "矩阵" }, StaleVersion),
        "PUT /api/v1/enterprises/{id:guid}/service-officer" => (new { userId = _officerId }, StaleVersion),
        "POST /api/v1/projects/{id:guid}/reviews" or "POST /api/v1/reviews/check" => (new { use = "Industrial", landMu = 50, totalInvestmentFen = 30_000_0000_00L, annualTaxFen = 3_000_0000_00L, annualEnergyTce = 1000, environmental = "ReportForm", jobs = 200 }, null),
        "POST /api/v1/reviews/{id:guid}/opinions" => (new { kind = "Reject" }, null),
        "POST /api/v1/reviews/{id:guid}/decision" => (new { outcome = "Failed" }, null),
        "POST /api/v1/auth/token" => (new { userName = "officer", password = AppFixture.DemoPassword }, null),
        "POST /api/v1/portal/submissions/{id:guid}/messages" => (new { body = "矩阵消息" }, null),
        "POST /api/v1/triage/submissions/{id:guid}/messages" => (new { body = "矩阵备注", @internal = true }, null),
        _ => (null, null),
    };

    public string Path(string method, string pattern)
    {
        var path = pattern switch
        {
            "/api/v1/enterprises/{id:guid}/merge-into/{survivorId:guid}" => $"/api/v1/enterprises/{_ids["mergedEnterprise"]}/merge-into/{_ids["survivorEnterprise"]}",
            "/api/v1/admin/jobs/{name}/run" => $"/api/v1/admin/jobs/{JobNames.PipelineSnapshot}/run",
            "/api/v1/reports/{report}.csv" => "/api/v1/reports/funnel.csv",
            "/api/v1/contacts/{id:guid}" when method == "DELETE" => $"/api/v1/contacts/{_ids["spareContact"]}",
            "/api/v1/files/{id:guid}" when method == "DELETE" => $"/api/v1/files/{_ids["spareStaffFile"]}",
            "/api/v1/admin/targets/" => "/api/v1/admin/targets/?year=2026",
            "/openapi/{documentName}.json" => "/openapi/v1.json",
            _ => null,
        };
        if (path is not null)
        {
            return path;
        }

        var segments = pattern.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            segments[i] = segments[i] switch
            {
                "{attachmentId:guid}" => _ids["attachment"].ToString(),
                "{kind}" => "ConstructionStarted",
                "{aliasId:guid}" => Guid.CreateVersion7().ToString(),
                "{**path}" => "",
                "{documentName?}" => "v1",
                _ => Resource(segments[i - 1], pattern).ToString(),
            };
        }

        return string.Join('/', segments);
    }

    private Guid Resource(string collection, string pattern) => collection switch
    {
        "projects" => _ids["project"],
        "enterprises" => _ids["enterprise"],
        "contacts" => _ids["contact"],
        "follow-ups" => _ids["followUp"],
        "interactions" => _ids["interaction"],
        "notifications" => _ids["notification"],
        "events" => _ids["event"],
        "submissions" => _ids["submission"],
        "users" => _ids["user"],
        "sectors" => _ids["sector"],
        "parks" => _ids["park"],
        "targets" => _ids["target"],
        "exchange-rates" => _ids["rate"],
        "partners" => _ids["partner"],
        "figures" => _ids["figure"],
        "payouts" => _ids["payout"],
        "commitments" => _ids["commitment"],
        "service-requests" => _ids["serviceRequest"],
        "service-categories" or "departments" or "members" or "channels" => Guid.CreateVersion7(),
        "parcels" => _ids["parcel"],
        "premises" => _ids["premises"],
        "reviews" => _ids["review"],
        "reviewers" => _ids["reviewer"],
        "files" => _ids["staffFile"],
        _ => throw new InvalidOperationException($"No route value for '{collection}' in {pattern}: add one to the matrix's World."),
    };
}

/// <summary>One endpoint of the matrix: an HTTP method and a route pattern.</summary>
internal sealed record MatrixEndpoint(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";
}

internal static class MatrixEndpoints
{
    /// <summary>
    /// Every route endpoint the app maps, per HTTP method. Left out: Blazor page components (their HTTP GET renders a
    /// shell; the data they show comes through Mediator requests, each authorised in the pipeline, ADR 0004, and
    /// pinned by the architecture test) and static assets (public files by design: scripts, styles, fonts), with the
    /// development fallback that serves them (<c>{**path:file}</c>).
    /// Endpoints without method metadata (health checks, the Hangfire dashboard) answer any method; they are called
    /// with GET.
    /// </summary>
    public static List<MatrixEndpoint> Enumerate(IServiceProvider services)
    {
        var sources = services.GetServices<EndpointDataSource>();
        return sources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name is "ComponentTypeMetadata" or "StaticAssetDescriptor"))
            .Where(e => !(e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata") && e.RoutePattern.RawText!.EndsWith(":file}", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new MatrixEndpoint(method, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    public static Dictionary<string, string[]> Parse(IEnumerable<string> rows)
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var parts = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length == 11, $"A table row needs a method, a pattern and 9 outcomes: {row}");
            Assert.True(parts[2..].All(p => p is "ok" or "401" or "403" or "no"), $"Outcomes are ok, 401, 403 or no: {row}");
            Assert.True(table.TryAdd($"{parts[0]} {parts[1]}", parts[2..]), $"Row twice: {row}");
        }

        return table;
    }

    public static string Row(string key, string[] outcomes, int[] statuses)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var line = $"{key[..space],-7} {key[(space + 1)..],-66} {string.Join(' ', outcomes.Select(o => (o == "404" ? "no" : o).PadRight(4)))}".TrimEnd();
        return $"        \"{line}\", // {string.Join(' ', statuses)}";
    }
}

/// <summary>
/// Jobs on (so /hangfire is mapped) with in-memory storage and no server: nothing runs behind the matrix's back. Only
/// warnings are logged: thousands of requests with 100k-character fields would spend their time in the console logger.
/// </summary>
internal static class MatrixSettings
{
    public static readonly IReadOnlyDictionary<string, string> Jobs = new Dictionary<string, string>
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:RunServer"] = "false",
        ["Jobs:Storage"] = "InMemory",
        ["Jobs:RemindOnStartup"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:KunshanInvest"] = "Warning",
    };
}

public sealed class SqliteMatrixApp : AppFixture
{
    protected override IReadOnlyDictionary<string, string>? Settings => MatrixSettings.Jobs;

    protected override Task<(DatabaseProvider, string?, string?)> DatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ki-sqlite-").FullName;
        return Task.FromResult<(DatabaseProvider, string?, string?)>((DatabaseProvider.Sqlite, $"Data Source={System.IO.Path.Combine(folder, "api.db")}", null));
    }
}

public sealed class PostgresMatrixApp : AppFixture
{
    protected override IReadOnlyDictionary<string, string>? Settings => MatrixSettings.Jobs;

    protected override async Task<(DatabaseProvider, string?, string?)> DatabaseAsync()
    {
        var unavailable = await PostgresServer.UnavailableReasonAsync();
        return unavailable is null
            ? (DatabaseProvider.PostgreSql, await PostgresServer.CreateDatabaseAsync("ki_matrix"), null)
            : (DatabaseProvider.PostgreSql, null, unavailable);
    }
}

public sealed class SqliteAuthorizationMatrixTests(SqliteMatrixApp fixture) : AuthorizationMatrixTests<SqliteMatrixApp>(fixture);

public sealed class PostgresAuthorizationMatrixTests(PostgresMatrixApp fixture) : AuthorizationMatrixTests<PostgresMatrixApp>(fixture);
