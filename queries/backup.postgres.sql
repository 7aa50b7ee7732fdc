-- Written by `npm run queries` from src/modules/backup/backup.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- backup/table-counts-repository.ts: countRows
select
  count(*) as n
from
  "orgs";
select
  count(*) as n
from
  "org_population";
select
  count(*) as n
from
  "residents";
select
  count(*) as n
from
  "enrollments";
select
  count(*) as n
from
  "services";
select
  count(*) as n
from
  "targets";
select
  count(*) as n
from
  "audit_findings";
select
  count(*) as n
from
  "bulletins";
select
  count(*) as n
from
  "users";
select
  count(*) as n
from
  "api_tokens";
select
  count(*) as n
from
  "access_trail";
