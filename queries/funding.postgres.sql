-- Written by `npm run queries` from src/modules/funding/funding.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- funding/funding-repository.ts: listUnitPopulations
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
  "t"."code" as "code",
  "t"."name" as "name",
  "c"."code" as "countyCode",
  "c"."name" as "countyName",
  sum("p"."total") as "population"
from
  "org_population" as "p"
  inner join "orgs" as "v" on "v"."code" = "p"."org_code"
  inner join "orgs" as "t" on "t"."code" = "v"."township_code"
  inner join "orgs" as "c" on "c"."code" = "v"."county_code"
where
  "p"."year" = $1
  and "v"."level" = $2
  and "v"."county_code" = $3
  and "v"."county_code" = $4
group by
  "t"."code",
  "t"."name",
  "c"."code",
  "c"."name"
order by
  "t"."code";

-- funding/funding-repository.ts: insertAllocation
begin;
insert into
  "funding_allocations" (
    "org_code",
    "county_code",
    "year",
    "per_capita_fen",
    "earmark_fen",
    "village_share_bp",
    "advance_share_bp",
    "county_share_bp",
    "population",
    "total_fen",
    "allocated_on",
    "idle_after",
    "idle_threshold_bp",
    "late_after_days",
    "source",
    "created_by",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
returning
  "id";
insert into
  "funding_allocation_units" (
    "allocation_id",
    "unit_code",
    "county_code",
    "unit_name",
    "population",
    "amount_fen",
    "earmark_fen",
    "village_fen",
    "advance_fen"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9);
commit;

-- funding/funding-repository.ts: findAllocation
select
  "a"."id" as "id",
  "a"."org_code" as "orgCode",
  "a"."county_code" as "countyCode",
  "a"."year" as "year",
  "a"."per_capita_fen" as "perCapitaFen",
  "a"."earmark_fen" as "earmarkFen",
  "a"."village_share_bp" as "villageShareBp",
  "a"."advance_share_bp" as "advanceShareBp",
  "a"."county_share_bp" as "countyShareBp",
  "a"."population" as "population",
  "a"."total_fen" as "totalFen",
  "a"."allocated_on" as "allocatedOn",
  "a"."idle_after" as "idleAfter",
  "a"."idle_threshold_bp" as "idleThresholdBp",
  "a"."late_after_days" as "lateAfterDays",
  "a"."source" as "source",
  "a"."created_by" as "createdBy",
  "a"."created_at" as "createdAt"
from
  "funding_allocations" as "a"
where
  "a"."org_code" = $1
  and "a"."year" = $2
  and exists (
    select
      "u"."unit_code"
    from
      "funding_allocation_units" as "u"
    where
      "u"."allocation_id" = "a"."id"
      and "u"."county_code" = $3
  );

-- funding/funding-repository.ts: listAllocations
select
  "a"."id" as "id",
  "a"."org_code" as "orgCode",
  "a"."county_code" as "countyCode",
  "a"."year" as "year",
  "a"."per_capita_fen" as "perCapitaFen",
  "a"."earmark_fen" as "earmarkFen",
  "a"."village_share_bp" as "villageShareBp",
  "a"."advance_share_bp" as "advanceShareBp",
  "a"."county_share_bp" as "countyShareBp",
  "a"."population" as "population",
  "a"."total_fen" as "totalFen",
  "a"."allocated_on" as "allocatedOn",
  "a"."idle_after" as "idleAfter",
  "a"."idle_threshold_bp" as "idleThresholdBp",
  "a"."late_after_days" as "lateAfterDays",
  "a"."source" as "source",
  "a"."created_by" as "createdBy",
  "a"."created_at" as "createdAt"
from
  "funding_allocations" as "a"
where
  exists (
    select
      "u"."unit_code"
    from
      "funding_allocation_units" as "u"
    where
      "u"."allocation_id" = "a"."id"
      and "u"."county_code" = $1
  )
order by
  "a"."year" desc,
  "a"."org_code";

-- funding/funding-repository.ts: listAllocationUnits
select
  "u"."unit_code" as "unitCode",
  "u"."county_code" as "countyCode",
  "u"."unit_name" as "unitName",
  "u"."population" as "population",
  "u"."amount_fen" as "amountFen",
  "u"."earmark_fen" as "earmarkFen",
  "u"."village_fen" as "villageFen",
  "u"."advance_fen" as "advanceFen"
from
  "funding_allocation_units" as "u"
where
  "u"."allocation_id" = $1
  and "u"."county_code" = $2
order by
  "u"."unit_code";

-- funding/funding-repository.ts: insertDisbursements
begin;
insert into
  "funding_disbursements" (
    "allocation_id",
    "unit_code",
    "county_code",
    "paid_on",
    "payer",
    "amount_fen",
    "purpose",
    "created_by",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9);
commit;

-- funding/funding-repository.ts: listDisbursements
select
  "d"."id" as "id",
  "d"."unit_code" as "unitCode",
  "d"."paid_on" as "paidOn",
  "d"."payer" as "payer",
  "d"."amount_fen" as "amountFen",
  "d"."purpose" as "purpose",
  "d"."created_by" as "createdBy"
from
  "funding_disbursements" as "d"
where
  "d"."allocation_id" = $1
  and "d"."paid_on" <= $2
  and "d"."county_code" = $3
order by
  "d"."paid_on",
  "d"."id";

-- funding/funding-repository.ts: listUnitScores
select
  "r"."unit_code" as "unitCode",
  "a"."id" as "runId",
  "a"."period" as "period",
  "r"."converted_centi" as "convertedCenti",
  "r"."max_centi" as "maxCenti"
from
  "assessment_unit_results" as "r"
  inner join "assessment_runs" as "a" on "a"."id" = "r"."run_id"
where
  "r"."unit_code" in ($1)
  and "a"."period" like $2
  and "r"."county_code" = $3
order by
  "a"."id" desc;
