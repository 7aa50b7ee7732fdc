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
  "org_code" in (
    select
      o.code
    from
      orgs o
    where
      "o"."county_code" = ?
  )
  and "period" = ?
order by
  "id" desc
limit
  ?
offset
  ?;

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
  "id" = ?
  and "org_code" in (
    select
      o.code
    from
      orgs o
    where
      "o"."county_code" = ?
  );

-- bulletins/bulletin-repository.ts: selectBulletinOrg
select
  "org_code"
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
where
  "org_code" in (
    select
      o.code
    from
      orgs o
    where
      "o"."county_code" = ?
  )
order by
  "id";

-- bulletins/bulletin-repository.ts: selectScheduleOrg
select
  "org_code"
from
  "bulletin_schedules"
where
  "id" = ?;

-- bulletins/bulletin-repository.ts: dueSchedules
select
  *
from
  "bulletin_schedules"
where
  "org_code" in (
    select
      o.code
    from
      orgs o
    where
      "o"."county_code" = ?
  )
  and "active" = ?
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
  "id" = ?
  and "org_code" in (
    select
      o.code
    from
      orgs o
    where
      "o"."county_code" = ?
  );

-- bulletins/bulletin-repository.ts: orgNames
select
  "o"."code",
  "o"."name",
  "o"."level"
from
  "orgs" as "o"
where
  "o"."code" in (?, ?)
  and "o"."county_code" = ?;
