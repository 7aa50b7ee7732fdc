-- Written by `npm run queries` from src/modules/assessment/assessment.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- assessment/scheme-repository.ts: insertSchemeVersion
insert into
  "assessment_schemes" (
    "code",
    "version",
    "name_zh",
    "name_en",
    "definition",
    "max_centi",
    "created_by",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8)
returning
  "id";

-- assessment/scheme-repository.ts: selectScheme
select
  *
from
  "assessment_schemes"
where
  "code" = $1
  and "version" = $2
order by
  "version" desc
limit
  $3;

-- assessment/scheme-repository.ts: selectSchemeById
select
  *
from
  "assessment_schemes"
where
  "id" = $1;

-- assessment/scheme-repository.ts: listSchemeVersions
select
  "id",
  "code",
  "version",
  "name_zh",
  "name_en",
  "max_centi",
  "created_by",
  "created_at"
from
  "assessment_schemes"
order by
  "code",
  "version";

-- assessment/run-repository.ts: insertRun
begin;
insert into
  "assessment_runs" (
    "scheme_id",
    "org_code",
    "county_code",
    "period",
    "data_cutoff",
    "unit_count",
    "created_by",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8)
returning
  "id";
insert into
  "assessment_unit_results" (
    "run_id",
    "unit_code",
    "county_code",
    "unit_name",
    "total_centi",
    "max_centi",
    "applicable_centi",
    "converted_centi",
    "missing",
    "rank"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
insert into
  "assessment_item_results" (
    "run_id",
    "unit_code",
    "position",
    "section_id",
    "item_id",
    "kind",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "target",
    "target_source",
    "scoring",
    "points_centi",
    "score_centi",
    "status",
    "explanation_zh",
    "explanation_en",
    "inputs"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19);
commit;

-- assessment/run-repository.ts: listRuns
select
  "ro"."name" as "org_name",
  "r"."id",
  "r"."scheme_id",
  "s"."code" as "scheme_code",
  "s"."version" as "scheme_version",
  "r"."org_code",
  "r"."period",
  "r"."data_cutoff",
  "r"."unit_count",
  "r"."created_by",
  "r"."created_at"
from
  "assessment_runs" as "r"
  inner join "assessment_schemes" as "s" on "s"."id" = "r"."scheme_id"
  inner join "orgs" as "ro" on "ro"."code" = "r"."org_code"
where
  exists (
    select
      1 as "one"
    from
      "assessment_unit_results" as "u"
      inner join "orgs" as "o" on "o"."code" = "u"."unit_code"
    where
      "u"."run_id" = "r"."id"
      and "o"."county_code" = $1
  )
  and "r"."org_code" = $2
  and "r"."period" = $3
  and "s"."code" = $4
order by
  "r"."id" desc
limit
  $5;

-- assessment/run-repository.ts: selectRun
select
  "ro"."name" as "org_name",
  "r"."id",
  "r"."scheme_id",
  "s"."code" as "scheme_code",
  "s"."version" as "scheme_version",
  "r"."org_code",
  "r"."period",
  "r"."data_cutoff",
  "r"."unit_count",
  "r"."created_by",
  "r"."created_at"
from
  "assessment_runs" as "r"
  inner join "assessment_schemes" as "s" on "s"."id" = "r"."scheme_id"
  inner join "orgs" as "ro" on "ro"."code" = "r"."org_code"
where
  exists (
    select
      1 as "one"
    from
      "assessment_unit_results" as "u"
      inner join "orgs" as "o" on "o"."code" = "u"."unit_code"
    where
      "u"."run_id" = "r"."id"
      and "o"."county_code" = $1
  )
  and "r"."id" = $2;

-- assessment/run-repository.ts: selectPreviousRun
select
  "ro"."name" as "org_name",
  "r"."id",
  "r"."scheme_id",
  "s"."code" as "scheme_code",
  "s"."version" as "scheme_version",
  "r"."org_code",
  "r"."period",
  "r"."data_cutoff",
  "r"."unit_count",
  "r"."created_by",
  "r"."created_at"
from
  "assessment_runs" as "r"
  inner join "assessment_schemes" as "s" on "s"."id" = "r"."scheme_id"
  inner join "orgs" as "ro" on "ro"."code" = "r"."org_code"
where
  exists (
    select
      1 as "one"
    from
      "assessment_unit_results" as "u"
      inner join "orgs" as "o" on "o"."code" = "u"."unit_code"
    where
      "u"."run_id" = "r"."id"
      and "o"."county_code" = $1
  )
  and "r"."org_code" = $2
  and "s"."code" = $3
  and "r"."id" < $4
order by
  "r"."id" desc
limit
  $5;

-- assessment/run-repository.ts: selectRunUnits
select
  "u".*
from
  "assessment_unit_results" as "u"
  inner join "orgs" as "o" on "o"."code" = "u"."unit_code"
where
  "u"."run_id" = $1
  and "o"."county_code" = $2
order by
  "u"."rank",
  "u"."unit_code";

-- assessment/run-repository.ts: selectRunItems
select
  "i".*
from
  "assessment_item_results" as "i"
  inner join "orgs" as "o" on "o"."code" = "i"."unit_code"
where
  "i"."run_id" = $1
  and "o"."county_code" = $2
  and "i"."unit_code" = $3
order by
  "i"."unit_code",
  "i"."position";

-- assessment/manual-repository.ts: insertManualEntry
insert into
  "assessment_manual_entries" (
    "scheme_code",
    "item_id",
    "unit_code",
    "county_code",
    "period",
    "score_centi",
    "evidence",
    "assessor",
    "entered_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9)
returning
  "id";

-- assessment/manual-repository.ts: selectManualEntries
select
  "m".*
from
  "assessment_manual_entries" as "m"
  inner join "orgs" as "o" on "o"."code" = "m"."unit_code"
where
  "m"."scheme_code" = $1
  and "m"."period" = $2
  and "o"."county_code" = $3
  and "m"."unit_code" in ($4)
order by
  "m"."id";
