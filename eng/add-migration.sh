#!/usr/bin/env bash
# Adds a migration with the same name to both providers' histories (SQLite and PostgreSQL); a schema change needs both.
# Usage: eng/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: eng/add-migration.sh NAME}
dotnet tool restore >/dev/null
dotnet build src/Peyvand.Web -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  PEYVAND_MIGRATIONS_PROVIDER=$provider dotnet ef migrations add "$name" --no-build \
    --project "src/Migrations/Peyvand.Migrations.$provider" --startup-project src/Peyvand.Web \
    --context PeyvandDbContext --output-dir Migrations
done
