-- Written by `npm run queries` from src/modules/bulletins/bulletins.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- bulletins/bulletin-repository.ts: insertBulletin
insert into
  "bulletins" (
    "org_code",
    "period",
    "format",
    "title",
    "file_name",
    "content_type",
    "size",
    "parameters",
    "data_cutoff",
    "generated_at",
    "schedule_id",
    "content_base64"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
returning
  "id";

-- bulletins/bulletin-repository.ts: listBulletins
select
  "id",
  "org_code",
  "period",
  "format",
  "title",
  "file_name",
  "content_type",
  "size",
  "parameters",
  "data_cutoff",
  "generated_at",
  "schedule_id"
from
  "bulletins"
where
  "org_code" like ?
  and "period" = ?
order by
  "id" desc
limit
  ?
offset
  ?;

-- bulletins/bulletin-repository.ts: trimmedPrefix
-- (no statement: computes the code prefix of a subtree)

-- bulletins/bulletin-repository.ts: getBulletin
select
  "id",
  "org_code",
  "period",
  "format",
  "title",
  "file_name",
  "content_type",
  "size",
  "parameters",
  "data_cutoff",
  "generated_at",
  "schedule_id",
  "content_base64"
from
  "bulletins"
where
  "id" = ?;

-- bulletins/bulletin-repository.ts: insertSchedule
insert into
  "bulletin_schedules" (
    "org_code",
    "every",
    "format",
    "parameters",
    "next_run",
    "created_at"
  )
values
  (?, ?, ?, ?, ?, ?)
returning
  "id";

-- bulletins/bulletin-repository.ts: listSchedules
select
  *
from
  "bulletin_schedules"
order by
  "id";

-- bulletins/bulletin-repository.ts: dueSchedules
select
  *
from
  "bulletin_schedules"
where
  "active" = ?
  and "next_run" <= ?
order by
  "id";

-- bulletins/bulletin-repository.ts: recordScheduleRun
update "bulletin_schedules"
set
  "last_run_at" = ?,
  "next_run" = ?,
  "last_bulletin_id" = ?,
  "last_error" = ?
where
  "id" = ?;

-- bulletins/bulletin-repository.ts: deactivateSchedule
update "bulletin_schedules"
set
  "active" = ?
where
  "id" = ?;

-- bulletins/bulletin-repository.ts: orgNames
select
  "code",
  "name",
  "level"
from
  "orgs"
where
  "code" in (?, ?);
