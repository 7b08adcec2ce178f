#!/usr/bin/env bash
# Adds a migration for both providers of one module: scripts/add-migration.sh Platform AddStoreTags
# Each module has a SQLite and a PostgreSQL context over one model; both must always move together.
set -euo pipefail
module=${1:?module name, e.g. Platform}; name=${2:?migration name}
root=$(cd "$(dirname "$0")/.." && pwd); project="$root/src/Waterwheel.$module"
cd "$project"
for provider in Sqlite Postgres; do
  dotnet tool run dotnet-ef migrations add "$name" --context "${provider}${module}DbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Waterwheel.$module.Data.Migrations.$provider"
done
# The snapshot lands in a folder named after its namespace; keep it beside its migrations.
if [ -d "Waterwheel" ]; then
  for provider in Sqlite Postgres; do
    find Waterwheel -name "*${provider}*Snapshot.cs" -exec mv {} "Data/Migrations/$provider/" \;
  done
  rm -rf Waterwheel
fi
