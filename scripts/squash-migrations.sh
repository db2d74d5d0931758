#!/usr/bin/env bash
# Squashes each provider's migrations into one Initial (ADR 0026): deletes them, lets dotnet-ef write Initial from
# the model, then puts back the hand-written part EF cannot express — the covering pledge index (ADR 0011).
# Only for a product with no installed database to upgrade; see ADR 0026 before running it again.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dir="migrations/KunshanInvest.Migrations.$provider/Migrations"
  rm -f "$dir"/*.cs
  dotnet ef migrations add Initial --project "migrations/KunshanInvest.Migrations.$provider" \
    --startup-project src/KunshanInvest.Api -- --Database:Provider "$provider"
  python3 - "$(ls "$dir"/*_Initial.cs | grep -v Designer)" <<'PY'
import sys, re
path = sys.argv[1]
s = open(path, encoding="utf-8-sig").read()
up = '''
            // Written by hand (ADR 0011): a covering index for the per-sector pledge sums. EF 10 cannot name a complex
            // property's columns in a model index, so the model does not know it; keep it when squashing again.
            migrationBuilder.CreateIndex(
                name: "IX_Projects_SectorId_Stage_Pledged",
                table: "Projects",
                columns: new[] { "SectorId", "Stage", "PledgedInvestmentCurrency", "PledgedInvestmentMinor" });
        }

        /// <inheritdoc />
        protected override void Down('''
assert s.count("        }\n\n        /// <inheritdoc />\n        protected override void Down(") == 1
s = s.replace("        }\n\n        /// <inheritdoc />\n        protected override void Down(", up, 1)
open(path, "w", encoding="utf-8").write(s)
PY
done
