-- Written by `npm run queries` from src/modules/targets/targets.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- targets/targets-repository.ts: orgCodesInScope
-- (no statement: builds the subquery of org codes the scoped lists embed)

-- targets/targets-repository.ts: writeTarget
select
  "id"
from
  "targets"
where
  "org_code" = ?
  and "indicator" = ?
  and "year" = ?;
insert into
  "targets" (
    "org_code",
    "county_code",
    "indicator",
    "year",
    "base_kind",
    "base_band",
    "base_parameter",
    "parameter_value",
    "base",
    "rate",
    "target",
    "milestones",
    "responsible_unit",
    "responsible_person",
    "source",
    "set_by",
    "set_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
insert into
  "target_changes" (
    "org_code",
    "county_code",
    "indicator",
    "year",
    "base_kind",
    "base_band",
    "base_parameter",
    "parameter_value",
    "base",
    "rate",
    "target",
    "milestones",
    "responsible_unit",
    "responsible_person",
    "source",
    "action",
    "changed_by",
    "changed_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
select
  "id"
from
  "targets"
where
  "org_code" = ?
  and "indicator" = ?
  and "year" = ?;
update "targets"
set
  "org_code" = ?,
  "county_code" = ?,
  "indicator" = ?,
  "year" = ?,
  "base_kind" = ?,
  "base_band" = ?,
  "base_parameter" = ?,
  "parameter_value" = ?,
  "base" = ?,
  "rate" = ?,
  "target" = ?,
  "milestones" = ?,
  "responsible_unit" = ?,
  "responsible_person" = ?,
  "source" = ?,
  "set_by" = ?,
  "set_at" = ?
where
  "id" = ?;
insert into
  "target_changes" (
    "org_code",
    "county_code",
    "indicator",
    "year",
    "base_kind",
    "base_band",
    "base_parameter",
    "parameter_value",
    "base",
    "rate",
    "target",
    "milestones",
    "responsible_unit",
    "responsible_person",
    "source",
    "action",
    "changed_by",
    "changed_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- targets/targets-repository.ts: listTargets
select
  "t".*,
  "o"."name" as "org_name",
  "o"."level" as "org_level"
from
  "targets" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."org_code"
where
  "o"."county_code" = ?
  and "o"."level" <= ?
  and "t"."year" = ?
order by
  "t"."org_code",
  "t"."indicator",
  "t"."year";

-- targets/targets-repository.ts: targetHistory
select
  *
from
  "target_changes"
where
  "org_code" = ?
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = ?
  )
  and "year" = ?
order by
  "id";

-- targets/targets-repository.ts: deleteTarget
select
  *
from
  "targets"
where
  "org_code" = ?
  and "indicator" = ?
  and "year" = ?;
delete from "targets"
where
  "id" = ?;
insert into
  "target_changes" (
    "org_code",
    "county_code",
    "indicator",
    "year",
    "action",
    "base_kind",
    "base_band",
    "base_parameter",
    "parameter_value",
    "base",
    "rate",
    "target",
    "milestones",
    "responsible_unit",
    "responsible_person",
    "source",
    "changed_by",
    "changed_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- targets/target-parameters-repository.ts: writeParameter
update "target_parameters"
set
  "value" = ?,
  "set_by" = ?,
  "set_at" = ?
where
  "org_code" = ?
  and "year" = ?
  and "name" = ?;
insert into
  "target_parameters" (
    "org_code",
    "year",
    "name",
    "value",
    "set_by",
    "set_at"
  )
values
  (?, ?, ?, ?, ?, ?);
update "target_parameters"
set
  "value" = ?,
  "set_by" = ?,
  "set_at" = ?
where
  "org_code" = ?
  and "year" = ?
  and "name" = ?;

-- targets/target-parameters-repository.ts: parameterFor
select
  "code",
  "level",
  "province_code",
  "city_code",
  "county_code",
  "township_code"
from
  "orgs"
where
  "code" = ?;
select
  "org_code",
  "value"
from
  "target_parameters"
where
  "org_code" in (?, ?, ?, ?, ?)
  and "year" = ?
  and "name" = ?;

-- targets/push-plan-snapshots-repository.ts: writeSnapshot
select
  "id"
from
  "push_plan_snapshots"
where
  "org_code" = ?
  and "period" = ?
  and "as_of" = ?
  and "deadline" = ?
  and "days" = ?;
insert into
  "push_plan_snapshots" (
    "org_code",
    "county_code",
    "period",
    "as_of",
    "done_as_of",
    "deadline",
    "days",
    "days_left",
    "created_by",
    "created_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
returning
  "id";
insert into
  "push_plan_rows" (
    "snapshot_id",
    "position",
    "unit_code",
    "unit",
    "task",
    "task_name",
    "target",
    "done",
    "remaining",
    "days_left",
    "per_day",
    "leader",
    "phone",
    "is_total"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
select
  "id"
from
  "push_plan_snapshots"
where
  "org_code" = ?
  and "period" = ?
  and "as_of" = ?
  and "deadline" = ?
  and "days" = ?;
delete from "push_plan_rows"
where
  "snapshot_id" = ?;
delete from "push_plan_snapshots"
where
  "id" = ?;
insert into
  "push_plan_snapshots" (
    "org_code",
    "county_code",
    "period",
    "as_of",
    "done_as_of",
    "deadline",
    "days",
    "days_left",
    "created_by",
    "created_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
returning
  "id";
insert into
  "push_plan_rows" (
    "snapshot_id",
    "position",
    "unit_code",
    "unit",
    "task",
    "task_name",
    "target",
    "done",
    "remaining",
    "days_left",
    "per_day",
    "leader",
    "phone",
    "is_total"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- targets/push-plan-snapshots-repository.ts: listSnapshots
select
  *
from
  "push_plan_snapshots"
where
  "org_code" = ?
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = ?
  )
  and "period" = ?
order by
  "as_of",
  "id";

-- targets/push-plan-snapshots-repository.ts: readSnapshot
select
  *
from
  "push_plan_snapshots"
where
  "id" = ?
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = ?
  );

-- targets/push-plan-snapshots-repository.ts: snapshotExists
select
  "id"
from
  "push_plan_snapshots"
where
  "org_code" = ?
  and "period" = ?
  and "as_of" = ?
  and "deadline" = ?
  and "days" = ?;

-- targets/push-plan-schedules-repository.ts: insertPushPlanSchedule
insert into
  "push_plan_schedules" (
    "org_code",
    "county_code",
    "period",
    "deadline",
    "days",
    "holidays",
    "workdays",
    "created_by",
    "created_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?)
returning
  "id";

-- targets/push-plan-schedules-repository.ts: getPushPlanSchedule
select
  *
from
  "push_plan_schedules"
where
  "id" = ?
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = ?
  );

-- targets/push-plan-schedules-repository.ts: listPushPlanSchedules
select
  "s".*
from
  "push_plan_schedules" as "s"
where
  "s"."org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = ?
  )
  and "s"."active" = ?
order by
  "s"."id";

-- targets/push-plan-schedules-repository.ts: recordPushPlanScheduleRun
update "push_plan_schedules"
set
  "last_run_on" = ?,
  "last_run_at" = ?,
  "last_snapshot_id" = ?,
  "last_error" = ?
where
  "id" = ?;

-- targets/push-plan-schedules-repository.ts: endPushPlanSchedule
update "push_plan_schedules"
set
  "active" = ?,
  "ended_at" = ?,
  "ended_reason" = ?
where
  "id" = ?
  and "active" = ?
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = ?
  );
