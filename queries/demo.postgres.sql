-- Written by `npm run queries` from src/modules/demo/demo.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- demo/demo-repository.ts: countResidents
select
  count(*) as "n"
from
  "residents" as "r"
where
  "r"."county_code" = $1;

-- demo/demo-repository.ts: holdsResidents
select
  "r"."id"
from
  "residents" as "r"
where
  "r"."county_code" = $1
limit
  $2;
