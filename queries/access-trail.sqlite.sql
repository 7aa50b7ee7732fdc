-- Written by `npm run queries` from src/modules/access-trail/access-trail.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- access-trail/trail-repository.ts: appendTrail
begin;
update "access_trail"
set
  id = id
where
  0;
select
  "hash"
from
  "access_trail"
order by
  "id" desc
limit
  ?;
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
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
commit;

-- access-trail/trail-repository.ts: toStoredTrailRow
-- (no statement: maps a stored row)

-- access-trail/trail-repository.ts: readChainPage
select
  *
from
  "access_trail"
where
  "id" > ?
order by
  "id"
limit
  ?;

-- access-trail/trail-repository.ts: readChainRecords
select
  *
from
  "access_trail"
where
  "id" > ?
order by
  "id"
limit
  ?;

-- access-trail/trail-repository.ts: trailHashOf
select
  "hash"
from
  "access_trail"
where
  "id" = ?;

-- access-trail/trail-repository.ts: listTrail
select
  *
from
  "access_trail"
where
  "county_code" = ?
  and "at" >= ?
  and "at" < ?
  and "outcome" = ?
order by
  "id" desc
limit
  ?;
