-- Written by `npm run queries` from src/modules/reported/reported.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- reported/reported-repository.ts: reportCounty
-- (no statement: the county column of a report, computed from its org code)

-- reported/reported-repository.ts: writeReportedValue
select
  "numerator",
  "denominator",
  "percent",
  "source"
from
  "reported_values"
where
  "county_code" = ?
  and "org_code" = ?
  and "period" = ?
  and "indicator" = ?;
insert into
  "reported_values" (
    "county_code",
    "org_code",
    "period",
    "year",
    "indicator",
    "numerator",
    "denominator",
    "percent",
    "source",
    "entered_by",
    "entered_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict ("county_code", "org_code", "period", "indicator") do update
set
  "numerator" = ?,
  "denominator" = ?,
  "percent" = ?,
  "source" = ?,
  "entered_by" = ?,
  "entered_at" = ?;
insert into
  "reported_value_changes" (
    "county_code",
    "org_code",
    "period",
    "indicator",
    "action",
    "numerator",
    "denominator",
    "percent",
    "source",
    "changed_by",
    "changed_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
select
  "numerator",
  "denominator",
  "percent",
  "source"
from
  "reported_values"
where
  "county_code" = ?
  and "org_code" = ?
  and "period" = ?
  and "indicator" = ?;
insert into
  "reported_values" (
    "county_code",
    "org_code",
    "period",
    "year",
    "indicator",
    "numerator",
    "denominator",
    "percent",
    "source",
    "entered_by",
    "entered_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict ("county_code", "org_code", "period", "indicator") do update
set
  "numerator" = ?,
  "denominator" = ?,
  "percent" = ?,
  "source" = ?,
  "entered_by" = ?,
  "entered_at" = ?;
insert into
  "reported_value_changes" (
    "county_code",
    "org_code",
    "period",
    "indicator",
    "action",
    "numerator",
    "denominator",
    "percent",
    "source",
    "changed_by",
    "changed_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- reported/reported-repository.ts: listReportedValues
select
  "v"."org_code",
  "o"."name",
  "v"."period",
  "v"."indicator",
  "v"."numerator",
  "v"."denominator",
  "v"."percent",
  "v"."source",
  "v"."entered_by",
  "v"."entered_at"
from
  "reported_values" as "v"
  left join "orgs" as "o" on "o"."code" = "v"."org_code"
where
  "v"."county_code" = ?
  and "v"."period" = ?
order by
  "v"."org_code",
  "v"."period",
  "v"."indicator";

-- reported/reported-repository.ts: reportedFiguresInScope
select
  "v"."org_code",
  "v"."period",
  "v"."indicator",
  "v"."numerator",
  "v"."denominator",
  "v"."percent",
  "v"."source"
from
  "reported_values" as "v"
where
  "v"."year" = ?
  and "v"."indicator" in (?)
  and "v"."county_code" = ?;

-- reported/reported-repository.ts: listReportedChanges
select
  "action",
  "numerator",
  "denominator",
  "percent",
  "source",
  "changed_by",
  "changed_at"
from
  "reported_value_changes"
where
  "org_code" = ?
  and "period" = ?
  and "indicator" = ?
order by
  "id";

-- reported/reported-repository.ts: deleteReportedValue
delete from "reported_values"
where
  "county_code" = ?
  and "org_code" = ?
  and "period" = ?
  and "indicator" = ?;
insert into
  "reported_value_changes" (
    "county_code",
    "org_code",
    "period",
    "indicator",
    "action",
    "numerator",
    "denominator",
    "percent",
    "source",
    "changed_by",
    "changed_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
