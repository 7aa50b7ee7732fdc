-- Written by `npm run queries` from src/modules/reported/reported.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

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
  "county_code" = $1
  and "org_code" = $2
  and "period" = $3
  and "indicator" = $4;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
on conflict ("county_code", "org_code", "period", "indicator") do update
set
  "numerator" = $12,
  "denominator" = $13,
  "percent" = $14,
  "source" = $15,
  "entered_by" = $16,
  "entered_at" = $17;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
select
  "numerator",
  "denominator",
  "percent",
  "source"
from
  "reported_values"
where
  "county_code" = $1
  and "org_code" = $2
  and "period" = $3
  and "indicator" = $4;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
on conflict ("county_code", "org_code", "period", "indicator") do update
set
  "numerator" = $12,
  "denominator" = $13,
  "percent" = $14,
  "source" = $15,
  "entered_by" = $16,
  "entered_at" = $17;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

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
  "v"."county_code" = $1
  and "v"."period" = $2
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
  "v"."year" = $1
  and "v"."indicator" in ($2)
  and "v"."county_code" = $3;

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
  "org_code" = $1
  and "period" = $2
  and "indicator" = $3
order by
  "id";

-- reported/reported-repository.ts: deleteReportedValue
delete from "reported_values"
where
  "county_code" = $1
  and "org_code" = $2
  and "period" = $3
  and "indicator" = $4;
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
