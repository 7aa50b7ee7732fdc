-- Written by `npm run queries` from src/modules/bulletins/bulletins.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
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
      "o"."county_code" = $1
  )
  and "period" = $2
order by
  "id" desc
limit
  $3
offset
  $4;

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
  "id" = $1
  and "org_code" in (
    select
      o.code
    from
      orgs o
    where
      "o"."county_code" = $2
  );

-- bulletins/bulletin-repository.ts: selectBulletinOrg
select
  "org_code"
from
  "bulletins"
where
  "id" = $1;

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
  ($1, $2, $3, $4, $5, $6)
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
      "o"."county_code" = $1
  )
order by
  "id";

-- bulletins/bulletin-repository.ts: selectScheduleOrg
select
  "org_code"
from
  "bulletin_schedules"
where
  "id" = $1;

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
      "o"."county_code" = $1
  )
  and "active" = $2
  and "next_run" <= $3
order by
  "id";

-- bulletins/bulletin-repository.ts: recordScheduleRun
update "bulletin_schedules"
set
  "last_run_at" = $1,
  "next_run" = $2,
  "last_bulletin_id" = $3,
  "last_error" = $4
where
  "id" = $5;

-- bulletins/bulletin-repository.ts: deactivateSchedule
update "bulletin_schedules"
set
  "active" = $1
where
  "id" = $2
  and "org_code" in (
    select
      o.code
    from
      orgs o
    where
      "o"."county_code" = $3
  );

-- bulletins/bulletin-repository.ts: orgNames
select
  "o"."code",
  "o"."name",
  "o"."level"
from
  "orgs" as "o"
where
  "o"."code" in ($1, $2)
  and "o"."county_code" = $3;
