-- Written by `npm run queries` from src/modules/targets/targets.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- targets/targets-repository.ts: orgCodesInScope
-- (no statement: builds the subquery of org codes the scoped lists embed)

-- targets/targets-repository.ts: writeTarget
select
  "id"
from
  "targets"
where
  "org_code" = $1
  and "indicator" = $2
  and "year" = $3;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17);
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18);
select
  "id"
from
  "targets"
where
  "org_code" = $1
  and "indicator" = $2
  and "year" = $3;
update "targets"
set
  "org_code" = $1,
  "county_code" = $2,
  "indicator" = $3,
  "year" = $4,
  "base_kind" = $5,
  "base_band" = $6,
  "base_parameter" = $7,
  "parameter_value" = $8,
  "base" = $9,
  "rate" = $10,
  "target" = $11,
  "milestones" = $12,
  "responsible_unit" = $13,
  "responsible_person" = $14,
  "source" = $15,
  "set_by" = $16,
  "set_at" = $17
where
  "id" = $18;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18);

-- targets/targets-repository.ts: listTargets
select
  "t".*,
  "o"."name" as "org_name",
  "o"."level" as "org_level"
from
  "targets" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."org_code"
where
  "o"."county_code" = $1
  and "o"."level" <= $2
  and "t"."year" = $3
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
  "org_code" = $1
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = $2
  )
  and "year" = $3
order by
  "id";

-- targets/targets-repository.ts: deleteTarget
select
  *
from
  "targets"
where
  "org_code" = $1
  and "indicator" = $2
  and "year" = $3;
delete from "targets"
where
  "id" = $1;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18);

-- targets/target-parameters-repository.ts: writeParameter
update "target_parameters"
set
  "value" = $1,
  "set_by" = $2,
  "set_at" = $3
where
  "org_code" = $4
  and "year" = $5
  and "name" = $6;
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
  ($1, $2, $3, $4, $5, $6);
update "target_parameters"
set
  "value" = $1,
  "set_by" = $2,
  "set_at" = $3
where
  "org_code" = $4
  and "year" = $5
  and "name" = $6;

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
  "code" = $1;
select
  "org_code",
  "value"
from
  "target_parameters"
where
  "org_code" in ($1, $2, $3, $4, $5)
  and "year" = $6
  and "name" = $7;

-- targets/push-plan-snapshots-repository.ts: writeSnapshot
select
  "id"
from
  "push_plan_snapshots"
where
  "org_code" = $1
  and "period" = $2
  and "as_of" = $3
  and "deadline" = $4
  and "days" = $5;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);
select
  "id"
from
  "push_plan_snapshots"
where
  "org_code" = $1
  and "period" = $2
  and "as_of" = $3
  and "deadline" = $4
  and "days" = $5;
delete from "push_plan_rows"
where
  "snapshot_id" = $1;
delete from "push_plan_snapshots"
where
  "id" = $1;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);

-- targets/push-plan-snapshots-repository.ts: listSnapshots
select
  *
from
  "push_plan_snapshots"
where
  "org_code" = $1
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = $2
  )
  and "period" = $3
order by
  "as_of",
  "id";

-- targets/push-plan-snapshots-repository.ts: readSnapshot
select
  *
from
  "push_plan_snapshots"
where
  "id" = $1
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = $2
  );
select
  *
from
  "push_plan_rows"
where
  "snapshot_id" = $1
order by
  "position";

-- targets/push-plan-snapshots-repository.ts: snapshotExists
select
  "id"
from
  "push_plan_snapshots"
where
  "org_code" = $1
  and "period" = $2
  and "as_of" = $3
  and "deadline" = $4
  and "days" = $5;

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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9)
returning
  "id";

-- targets/push-plan-schedules-repository.ts: getPushPlanSchedule
select
  *
from
  "push_plan_schedules"
where
  "id" = $1
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = $2
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
      "o"."county_code" = $1
  )
  and "s"."active" = $2
order by
  "s"."id";

-- targets/push-plan-schedules-repository.ts: recordPushPlanScheduleRun
update "push_plan_schedules"
set
  "last_run_on" = $1,
  "last_run_at" = $2,
  "last_snapshot_id" = $3,
  "last_error" = $4
where
  "id" = $5;

-- targets/push-plan-schedules-repository.ts: endPushPlanSchedule
update "push_plan_schedules"
set
  "active" = $1,
  "ended_at" = $2,
  "ended_reason" = $3
where
  "id" = $4
  and "active" = $5
  and "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = $6
  );
