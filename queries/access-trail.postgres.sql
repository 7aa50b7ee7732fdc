-- Written by `npm run queries` from src/modules/access-trail/access-trail.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- access-trail/trail-repository.ts: appendTrail
begin;
lock table "access_trail" in share row exclusive mode;
select
  "hash"
from
  "access_trail"
order by
  "id" desc
limit
  $1;
insert into
  "access_trail" (
    "at",
    "actor",
    "role",
    "client_address",
    "request_id",
    "action",
    "object_type",
    "object_id",
    "org_code",
    "county_code",
    "outcome",
    "row_count",
    "detail",
    "previous_hash",
    "hash"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15);
commit;

-- access-trail/trail-repository.ts: toStoredTrailRow
-- (no statement: maps a stored row)

-- access-trail/trail-repository.ts: readChainPage
select
  *
from
  "access_trail"
where
  "id" > $1
order by
  "id"
limit
  $2;

-- access-trail/trail-repository.ts: readChainRecords
select
  *
from
  "access_trail"
where
  "id" > $1
order by
  "id"
limit
  $2;

-- access-trail/trail-repository.ts: trailHashOf
select
  "hash"
from
  "access_trail"
where
  "id" = $1;

-- access-trail/trail-repository.ts: listTrail
select
  *
from
  "access_trail"
where
  "county_code" = $1
  and "at" >= $2
  and "at" < $3
  and "outcome" = $4
order by
  "id" desc
limit
  $5;
