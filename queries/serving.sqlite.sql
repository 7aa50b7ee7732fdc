-- Written by `npm run queries` from src/modules/serving/serving.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- serving/data-versions-repository.ts: loadDataVersions
select
  "scope",
  "version"
from
  "data_versions";
