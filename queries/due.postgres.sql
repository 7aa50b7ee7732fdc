-- Written by `npm run queries` from src/modules/due/due.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- due/due-repository.ts: dueCandidates
select
  "r"."id",
  "r"."record_no",
  "r"."name",
  "r"."phone",
  "r"."sex",
  "r"."birth_date",
  "r"."org_code",
  "o"."name" as "org_name"
from
  "residents" as "r"
  left join "orgs" as "o" on "o"."code" = "r"."org_code"
where
  "r"."county_code" = $1
  and (
    "r"."death_date" is null
    or "r"."death_date" > $2
  )
  and (
    "r"."moved_out_date" is null
    or "r"."moved_out_date" > $3
  )
  and (
    "r"."birth_date" <= $4
    or (
      "r"."birth_date" > $5
      and "r"."birth_date" <= $6
    )
    or "r"."id" in (
      select
        "e"."resident_id"
      from
        "enrollments" as "e"
        inner join "residents" as "r" on "r"."id" = "e"."resident_id"
      where
        "r"."county_code" = $7
        and "e"."start_date" <= $8
        and (
          "e"."end_date" is null
          or "e"."end_date" > $9
        )
    )
  )
order by
  "r"."record_no";
select
  "e"."resident_id",
  "e"."program",
  "e"."start_date",
  "e"."end_date",
  "e"."detail"
from
  "enrollments" as "e"
  inner join "residents" as "r" on "r"."id" = "e"."resident_id"
where
  "r"."county_code" = $1
  and "e"."start_date" <= $2
  and (
    "e"."end_date" is null
    or "e"."end_date" > $3
  );
select
  "s"."resident_id",
  "s"."type",
  "s"."service_date",
  "s"."controlled",
  "s"."doctor",
  "s"."payload"
from
  "services" as "s"
  inner join "residents" as "r" on "r"."id" = "s"."resident_id"
where
  "r"."county_code" = $1
  and "s"."type" in ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  and "s"."service_date" >= $12
  and "s"."service_date" <= $13;

-- due/due-repository.ts: orgNameOf
select
  "name"
from
  "orgs"
where
  "code" = $1;
