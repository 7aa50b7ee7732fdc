-- Written by `npm run queries` from src/modules/indicators/indicators.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- indicators/facts-repository.ts: factTables
-- (no statement: adds the indicator tables to a handle)

-- indicators/facts-repository.ts: addFactYears
insert into
  "indicator_fact_years" ("year")
values
  ($1)
on conflict ("year") do nothing;

-- indicators/facts-repository.ts: loadFactYears
select
  "year"
from
  "indicator_fact_years"
order by
  "year";

-- indicators/facts-repository.ts: loadYearsInPreparation
select
  "year",
  "prepared_through"
from
  "indicator_fact_years_preparing"
order by
  "year";

-- indicators/facts-repository.ts: startPreparingYears
insert into
  "indicator_fact_years_preparing" ("year", "prepared_through")
values
  ($1, $2)
on conflict ("year") do nothing;

-- indicators/facts-repository.ts: advancePreparation
update "indicator_fact_years_preparing"
set
  "prepared_through" = $1
where
  "year" = $2;

-- indicators/facts-repository.ts: finishPreparation
delete from "indicator_fact_years_preparing"
where
  "year" = $1;
insert into
  "indicator_fact_years" ("year")
values
  ($1)
on conflict ("year") do nothing;

-- indicators/facts-repository.ts: loadFactFingerprint
select
  "fingerprint"
from
  "indicator_fact_definitions";

-- indicators/facts-repository.ts: saveFactFingerprint
delete from "indicator_fact_definitions";
insert into
  "indicator_fact_definitions" ("fingerprint")
values
  ($1);

-- indicators/facts-repository.ts: prepareYearsAgain
delete from "indicator_fact_years"
where
  "year" in ($1);
insert into
  "indicator_fact_years_preparing" ("year", "prepared_through")
values
  ($1, $2)
on conflict ("year") do update
set
  "prepared_through" = $3;

-- indicators/facts-repository.ts: replaceIdKeys
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);

-- indicators/facts-repository.ts: loadIdKeys
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in ($1, $2);

-- indicators/facts-repository.ts: insertMemberships
insert into
  "indicator_memberships" (
    "resident_id",
    "year",
    "county_code",
    "org_code",
    "terms"
  )
values
  ($1, $2, $3, $4, $5);

-- indicators/facts-repository.ts: updateMembershipTerms
insert into
  "indicator_memberships" (
    "resident_id",
    "year",
    "county_code",
    "org_code",
    "terms"
  )
values
  ($1, $2, $3, $4, $5)
on conflict ("resident_id", "year") do update
set
  "terms" = excluded.terms;

-- indicators/facts-repository.ts: loadMemberships
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2)
  and "year" >= $3;

-- indicators/facts-repository.ts: deleteMemberships
delete from "indicator_memberships"
where
  "resident_id" in ($1)
  and "year" = $2;

-- indicators/facts-repository.ts: addToTallies
insert into
  "indicator_tallies" (
    "year",
    "slot",
    "org_code",
    "term",
    "county_code",
    "n"
  )
values
  ($1, $2, $3, $4, $5, $6)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- indicators/facts-repository.ts: deleteTallies
delete from "indicator_tallies"
where
  "year" in ($1)
  and "slot" in ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37)
  and "county_code" in ($38)
  and "org_code" in ($39)
  and "term" in ($40);

-- indicators/facts-repository.ts: clearFacts
delete from "indicator_fact_years_preparing";
delete from "indicator_tallies";
delete from "indicator_memberships";
delete from "indicator_residents";
delete from "indicator_fact_years";

-- indicators/raw-rows-repository.ts: loadResidentRecords
select
  "id",
  "county_code",
  "org_code",
  "id_number",
  "birth_date",
  "electronic",
  "record_created",
  "death_date",
  "moved_out_date"
from
  "residents"
where
  "id" in ($1, $2);

-- indicators/raw-rows-repository.ts: residentIdsAfter
select
  "r"."id"
from
  "residents" as "r"
where
  "r"."id" > $1
  and "r"."county_code" = $2
order by
  "r"."id"
limit
  $3;

-- indicators/raw-rows-repository.ts: loadEnrollments
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2);

-- indicators/raw-rows-repository.ts: loadContracts
select
  "id",
  "resident_id",
  "signed_date",
  "end_date",
  "terminated_date",
  "package_code",
  "key_populations",
  "previous_contract_id"
from
  "family_doctor_contracts"
where
  "resident_id" in ($1, $2);

-- indicators/raw-rows-repository.ts: loadServices
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "controlled",
  "dbp",
  "fasting_glucose",
  "guidance",
  "sbp",
  case
    when type in ($1, $2, $3) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in ($4, $5);

-- indicators/raw-rows-repository.ts: loadKeyHolders
select
  "r"."id",
  "k"."id_key",
  "r"."record_created",
  "r"."death_date",
  "r"."moved_out_date"
from
  "indicator_residents" as "k"
  inner join "residents" as "r" on "r"."id" = "k"."resident_id"
where
  "k"."id_key" in ($1);

-- indicators/raw-rows-repository.ts: loadActivities
select
  "org_code",
  "county_code",
  "service_date",
  "payload"
from
  "services"
where
  "type" = $1
  and "resident_id" is null
  and "org_code" in ($2);

-- indicators/raw-rows-repository.ts: activitiesInScope
select
  "s"."org_code",
  "s"."county_code",
  "s"."service_date",
  "s"."payload"
from
  "services" as "s"
where
  "s"."type" = $1
  and "s"."resident_id" is null
  and "s"."service_date" >= $2
  and "s"."service_date" <= $3
  and "s"."county_code" = $4;

-- indicators/raw-rows-repository.ts: activityOrgs
select distinct
  "org_code"
from
  "services"
where
  "type" = $1
  and "resident_id" is null;

-- indicators/raw-rows-repository.ts: serviceYears
select distinct
  substr(service_date, 1, 4) as "y"
from
  "services";

-- indicators/tally-store-repository.ts: orgTallyVersions
select
  "org_code",
  "version"
from
  "tally_org_versions"
where
  "county_code" = $1
  and "year" = $2;

-- indicators/tally-store-repository.ts: countyTallyNodes
select
  "org_code",
  "slot",
  "term",
  "n"
from
  "indicator_tallies"
where
  "year" = $1
  and "slot" in ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37)
  and "county_code" = $38;

-- indicators/values-repository.ts: listOrgsInScope
select
  "o"."code",
  "o"."name",
  "o"."level",
  "o"."province_code",
  "o"."city_code",
  "o"."county_code",
  "o"."township_code"
from
  "orgs" as "o"
where
  "o"."county_code" = $1
order by
  "o"."level",
  "o"."code";

-- indicators/values-repository.ts: tallyNodesInScope
select
  "t"."org_code",
  "t"."term",
  "t"."n"
from
  "indicator_tallies" as "t"
where
  "t"."year" = $1
  and "t"."slot" in ($2, $3)
  and "t"."county_code" = $4;

-- indicators/values-repository.ts: villagePopulationInScope
select
  "o"."code",
  "p"."total",
  "p"."age_0_6",
  "p"."age_65_plus",
  "p"."age_15_plus",
  "p"."age_18_plus",
  "p"."women_15_49",
  "p"."live_births"
from
  "org_population" as "p"
  inner join "orgs" as "o" on "o"."code" = "p"."org_code"
where
  "p"."year" = $1
  and "o"."level" = $2
  and "o"."county_code" = $3;

-- indicators/values-repository.ts: membershipsInScope
select
  "m"."resident_id",
  "m"."terms"
from
  "indicator_memberships" as "m"
where
  "m"."year" = $1
  and "m"."county_code" = $2
  and "m"."terms" like $3
order by
  "m"."resident_id";

-- indicators/values-repository.ts: loadPeople
select
  "r"."id",
  "r"."record_no",
  "r"."name",
  "r"."sex",
  "r"."birth_date",
  "r"."id_number",
  "r"."phone",
  "r"."org_code",
  "o"."name" as "org_name"
from
  "residents" as "r"
  left join "orgs" as "o" on "o"."code" = "r"."org_code"
where
  "r"."id" in ($1, $2)
  and "r"."county_code" = $3
order by
  "r"."id";

-- indicators/values-repository.ts: latestServiceDateInScope
select
  max("s"."service_date") as "latest"
from
  "services" as "s"
where
  "s"."service_date" >= $1
  and "s"."service_date" <= $2
  and "s"."county_code" = $3;

-- indicators/baseline-repository.ts: baselineTermCounts
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
group by
  r.org_code;
select
  x.org_code as code,
  count(*) as n
from
  (
    select
      r.org_code,
      row_number() over (
        partition by
          upper(trim(r.id_number))
        order by
          r.id
      ) as rn
    from
      residents r
    where
      (
        r.death_date is null
        or r.death_date > $1
      )
      and (
        r.moved_out_date is null
        or r.moved_out_date > $2
      )
      and r.record_created <= $3
      and r.id_number is not null
      and trim(r.id_number) <> ''
  ) x
  join orgs o on o.code = x.org_code
where
  x.rn > 1
  and "o"."county_code" = $4
group by
  x.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and r.electronic = 1
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.service_date > $5
      and s.service_date <= $6
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
group by
  r.org_code;
-- (2 times)
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $7
      and s.service_date >= $8
      and s.service_date <= $9
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
group by
  r.org_code;
-- (2 times)
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $7
      and s.service_date >= $8
      and s.service_date <= $9
  ) >= $10
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      case
        when s.sbp is not null
        and s.dbp is not null
        and (
          case
            when (
              r.birth_date is not null
              and cast(
                cast(substr(r.birth_date, 1, 4) as integer) + cast($7 as integer) as text
              ) || substr(r.birth_date, 5) <= s.service_date
            ) then s.sbp < $8
            and s.dbp < $9
            else s.sbp < $10
            and s.dbp < $11
          end
        ) then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $12
      and s.service_date >= $13
      and s.service_date <= $14
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) = 1
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      case
        when s.sbp is not null
        and s.dbp is not null
        and (
          case
            when (
              r.birth_date is not null
              and cast(
                cast(substr(r.birth_date, 1, 4) as integer) + cast($7 as integer) as text
              ) || substr(r.birth_date, 5) <= s.service_date
            ) then s.sbp < $8
            and s.dbp < $9
            else s.sbp < $10
            and s.dbp < $11
          end
        ) then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $12
      and s.service_date >= $13
      and s.service_date <= $14
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) = 2
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      case
        when s.sbp is not null
        and s.dbp is not null
        and (
          case
            when (
              r.birth_date is not null
              and cast(
                cast(substr(r.birth_date, 1, 4) as integer) + cast($7 as integer) as text
              ) || substr(r.birth_date, 5) <= s.service_date
            ) then s.sbp < $8
            and s.dbp < $9
            else s.sbp < $10
            and s.dbp < $11
          end
        ) then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $12
      and s.service_date >= $13
      and s.service_date <= $14
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) in (0, 2)
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date > $5
      )
      and e.start_date <= $6
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date > $5
      )
      and e.start_date <= $6
  )
  and (
    exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type in (
          'hypertension_followup',
          'diabetes_followup',
          'elderly_checkup'
        )
        and s.service_date > $7
        and s.service_date <= $8
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= $9
        and (
          e.end_date is null
          or e.end_date > $10
        )
        and e.start_date <= $11
        and e.start_date > $12
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date > $5
      )
      and e.start_date <= $6
  )
  and (
    exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type in (
          'hypertension_followup',
          'diabetes_followup',
          'elderly_checkup'
        )
        and s.service_date > $7
        and s.service_date <= $8
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= $9
        and (
          e.end_date is null
          or e.end_date > $10
        )
        and e.start_date <= $11
        and e.start_date > $12
    )
  )
  and (
    select
      case
        when (
          s.sbp < $13
          and s.dbp < $14
        ) then 1
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type in (
        'hypertension_followup',
        'diabetes_followup',
        'elderly_checkup'
      )
      and s.service_date > $15
      and s.service_date <= $16
      and s.sbp is not null
      and s.dbp is not null
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) = 1
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date > $5
      )
      and e.start_date <= $6
  )
  and (
    exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type in (
          'hypertension_followup',
          'diabetes_followup',
          'elderly_checkup'
        )
        and s.service_date > $7
        and s.service_date <= $8
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= $9
        and (
          e.end_date is null
          or e.end_date > $10
        )
        and e.start_date <= $11
        and e.start_date > $12
    )
  )
  and (
    select
      case
        when (
          s.sbp < $13
          and s.dbp < $14
        ) then 1
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type in (
        'hypertension_followup',
        'diabetes_followup',
        'elderly_checkup'
      )
      and s.service_date > $15
      and s.service_date <= $16
      and s.sbp is not null
      and s.dbp is not null
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) = 0
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date > $5
      )
      and e.start_date <= $6
  )
  and (
    exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type in (
          'hypertension_followup',
          'diabetes_followup',
          'elderly_checkup'
        )
        and s.service_date > $7
        and s.service_date <= $8
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= $9
        and (
          e.end_date is null
          or e.end_date > $10
        )
        and e.start_date <= $11
        and e.start_date > $12
    )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type in (
        'hypertension_followup',
        'diabetes_followup',
        'elderly_checkup'
      )
      and s.service_date > $13
      and s.service_date <= $14
  )
  and not exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type in (
        'hypertension_followup',
        'diabetes_followup',
        'elderly_checkup'
      )
      and s.service_date > $15
      and s.service_date <= $16
      and s.sbp is not null
      and s.dbp is not null
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date > $5
      )
      and e.start_date <= $6
  )
  and (
    exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type in (
          'hypertension_followup',
          'diabetes_followup',
          'elderly_checkup'
        )
        and s.service_date > $7
        and s.service_date <= $8
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= $9
        and (
          e.end_date is null
          or e.end_date > $10
        )
        and e.start_date <= $11
        and e.start_date > $12
    )
  )
  and not exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type in (
        'hypertension_followup',
        'diabetes_followup',
        'elderly_checkup'
      )
      and s.service_date > $13
      and s.service_date <= $14
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date > $5
      )
      and e.start_date <= $6
  )
  and not (
    (
      r.death_date is null
      or r.death_date > $7
    )
    and (
      r.moved_out_date is null
      or r.moved_out_date > $8
    )
    and exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= $9
        and (
          e.end_date is null
          or e.end_date > $10
        )
        and e.start_date <= $11
    )
    and (
      exists (
        select
          1
        from
          services s
        where
          s.resident_id = r.id
          and s.type in (
            'hypertension_followup',
            'diabetes_followup',
            'elderly_checkup'
          )
          and s.service_date > $12
          and s.service_date <= $13
      )
      or exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = 'hypertension'
          and e.start_date <= $14
          and (
            e.end_date is null
            or e.end_date > $15
          )
          and e.start_date <= $16
          and e.start_date > $17
      )
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
group by
  r.org_code;
-- (2 times)
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $7
      and s.service_date >= $8
      and s.service_date <= $9
  ) >= $10
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      case
        when s.fasting_glucose is not null then case
          when s.fasting_glucose < $7 then 1
          when s.guidance = 1 then 2
          else 0
        end
        when s.controlled = 1 then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $8
      and s.service_date >= $9
      and s.service_date <= $10
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) = 1
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      case
        when s.fasting_glucose is not null then case
          when s.fasting_glucose < $7 then 1
          when s.guidance = 1 then 2
          else 0
        end
        when s.controlled = 1 then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $8
      and s.service_date >= $9
      and s.service_date <= $10
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) = 2
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      case
        when s.fasting_glucose is not null then case
          when s.fasting_glucose < $7 then 1
          when s.guidance = 1 then 2
          else 0
        end
        when s.controlled = 1 then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $8
      and s.service_date >= $9
      and s.service_date <= $10
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) in (0, 2)
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date >= $5
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date >= $5
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'prenatal_registration'
      and s.service_date <= $6
      and cast(("s"."payload"::jsonb ->> $7) as integer) < $8
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date >= $5
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $6
      and s.service_date <= $7
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date >= $5
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $6
      and s.service_date >= $7
      and s.service_date <= $8
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= $4
      and (
        e.end_date is null
        or e.end_date >= $5
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $6
      and s.service_date <= $7
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $8
      and s.service_date <= $9
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type = $7
        and s.service_date >= $8
        and s.service_date <= $9
    )
    or exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type = $10
        and s.service_date >= $11
        and s.service_date <= $12
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date >= $7
  and r.birth_date <= $8
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $9
      and s.service_date <= $10
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date >= $7
  and r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $7
      and s.service_date >= $8
      and s.service_date <= $9
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date > $7
  and r.birth_date <= $8
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $9
      and s.service_date >= $10
      and s.service_date <= $11
  ) >= $12
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date > $7
  and r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date <= $7
  and r.birth_date > $8
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $9
      and s.service_date >= $10
      and s.service_date <= $11
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date <= $7
  and r.birth_date > $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14)
  ) >= (
    case
      when r.birth_date <= $15 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14, $15)
  ) >= (
    case
      when r.birth_date <= $16 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $17 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $18 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14, $15, $16, $17, $18)
  ) >= (
    case
      when r.birth_date <= $19 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $20 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $21 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $22 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14, $15, $16)
  ) >= (
    case
      when r.birth_date <= $17 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $18 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $19 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $20 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14, $15, $16, $17)
  ) >= (
    case
      when r.birth_date <= $18 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $19 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14, $15)
  ) >= (
    case
      when r.birth_date <= $16 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $17 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14, $15, $16, $17)
  ) >= (
    case
      when r.birth_date <= $18 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $19 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $20 then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= $21 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(("s"."payload"::jsonb ->> $9) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(("s"."payload"::jsonb ->> $10) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= $11
      and lower(trim(("s"."payload"::jsonb ->> $12))) in ($13, $14, $15)
  ) >= (
    case
      when r.birth_date <= $16 then 1
      else 0
    end
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and r.birth_date is not null
  and r.birth_date <= $7
  and not r.birth_date <= $8
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $7
      and s.service_date >= $8
      and s.service_date <= $9
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      cast(("s"."payload"::jsonb ->> $7) as text)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $8
      and s.service_date >= $9
      and s.service_date <= $10
    order by
      s.service_date desc,
      s.id desc
    limit
      1
  ) in ('1', 'true')
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $7
      and s.service_date >= $8
      and s.service_date <= $9
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $4
      and e.start_date <= $5
      and (
        e.end_date is null
        or e.end_date > $6
      )
  )
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = $7
      and s.service_date >= $8
      and s.service_date <= $9
  ) >= $10
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    select
      c.id
    from
      family_doctor_contracts c
    where
      c.resident_id = r.id
      and c.signed_date <= $5
      and c.end_date >= $6
      and (
        c.terminated_date is null
        or c.terminated_date > $7
      )
    order by
      c.signed_date desc,
      c.id desc
    limit
      1
  ) is not null
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    (
      (
        r.birth_date is not null
        and cast(
          cast(substr(r.birth_date, 1, 4) as integer) + cast($5 as integer) as text
        ) || substr(r.birth_date, 5) <= $6
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $7
              and c.end_date >= $8
              and (
                c.terminated_date is null
                or c.terminated_date > $9
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $10
      )
    )
    or (
      exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = $11
          and e.start_date <= $12
          and (
            e.end_date is null
            or e.end_date > $13
          )
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $14
              and c.end_date >= $15
              and (
                c.terminated_date is null
                or c.terminated_date > $16
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $17
      )
    )
    or (
      exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = $18
          and e.start_date <= $19
          and (
            e.end_date is null
            or e.end_date > $20
          )
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $21
              and c.end_date >= $22
              and (
                c.terminated_date is null
                or c.terminated_date > $23
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $24
      )
    )
    or (
      exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = $25
          and e.start_date <= $26
          and (
            e.end_date is null
            or e.end_date > $27
          )
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $28
              and c.end_date >= $29
              and (
                c.terminated_date is null
                or c.terminated_date > $30
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $31
      )
    )
    or (
      (
        (
          r.birth_date <= $32
          and not (
            r.birth_date is not null
            and cast(
              cast(substr(r.birth_date, 1, 4) as integer) + cast($33 as integer) as text
            ) || substr(r.birth_date, 5) <= $34
          )
        )
        or exists (
          select
            1
          from
            enrollments e
          where
            e.resident_id = r.id
            and e.program = $35
            and e.start_date <= $36
            and (
              e.end_date is null
              or e.end_date > $37
            )
        )
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $38
              and c.end_date >= $39
              and (
                c.terminated_date is null
                or c.terminated_date > $40
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $41
      )
    )
    or (
      exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = $42
          and e.start_date <= $43
          and (
            e.end_date is null
            or e.end_date > $44
          )
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $45
              and c.end_date >= $46
              and (
                c.terminated_date is null
                or c.terminated_date > $47
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $48
      )
    )
    or (
      exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = $49
          and e.start_date <= $50
          and (
            e.end_date is null
            or e.end_date > $51
          )
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $52
              and c.end_date >= $53
              and (
                c.terminated_date is null
                or c.terminated_date > $54
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $55
      )
    )
    or (
      exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $56
              and c.end_date >= $57
              and (
                c.terminated_date is null
                or c.terminated_date > $58
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $59
      )
      and exists (
        select
          1
        from
          family_doctor_contracts h
        where
          h.id = (
            select
              c.id
            from
              family_doctor_contracts c
            where
              c.resident_id = r.id
              and c.signed_date <= $60
              and c.end_date >= $61
              and (
                c.terminated_date is null
                or c.terminated_date > $62
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like $63
      )
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    (
      r.birth_date is not null
      and cast(
        cast(substr(r.birth_date, 1, 4) as integer) + cast($5 as integer) as text
      ) || substr(r.birth_date, 5) <= $6
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $7
        and e.start_date <= $8
        and (
          e.end_date is null
          or e.end_date > $9
        )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $10
        and e.start_date <= $11
        and (
          e.end_date is null
          or e.end_date > $12
        )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $13
        and e.start_date <= $14
        and (
          e.end_date is null
          or e.end_date > $15
        )
    )
    or (
      (
        r.birth_date <= $16
        and not (
          r.birth_date is not null
          and cast(
            cast(substr(r.birth_date, 1, 4) as integer) + cast($17 as integer) as text
          ) || substr(r.birth_date, 5) <= $18
        )
      )
      or exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = $19
          and e.start_date <= $20
          and (
            e.end_date is null
            or e.end_date > $21
          )
      )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $22
        and e.start_date <= $23
        and (
          e.end_date is null
          or e.end_date > $24
        )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $25
        and e.start_date <= $26
        and (
          e.end_date is null
          or e.end_date > $27
        )
    )
    or exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $28
            and c.end_date >= $29
            and (
              c.terminated_date is null
              or c.terminated_date > $30
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $31
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    (
      r.birth_date is not null
      and cast(
        cast(substr(r.birth_date, 1, 4) as integer) + cast($5 as integer) as text
      ) || substr(r.birth_date, 5) <= $6
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $7
            and c.end_date >= $8
            and (
              c.terminated_date is null
              or c.terminated_date > $9
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $10
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    r.birth_date is not null
    and cast(
      cast(substr(r.birth_date, 1, 4) as integer) + cast($5 as integer) as text
    ) || substr(r.birth_date, 5) <= $6
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $5
        and e.start_date <= $6
        and (
          e.end_date is null
          or e.end_date > $7
        )
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $8
            and c.end_date >= $9
            and (
              c.terminated_date is null
              or c.terminated_date > $10
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $11
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $5
      and e.start_date <= $6
      and (
        e.end_date is null
        or e.end_date > $7
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $5
        and e.start_date <= $6
        and (
          e.end_date is null
          or e.end_date > $7
        )
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $8
            and c.end_date >= $9
            and (
              c.terminated_date is null
              or c.terminated_date > $10
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $11
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $5
      and e.start_date <= $6
      and (
        e.end_date is null
        or e.end_date > $7
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $5
        and e.start_date <= $6
        and (
          e.end_date is null
          or e.end_date > $7
        )
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $8
            and c.end_date >= $9
            and (
              c.terminated_date is null
              or c.terminated_date > $10
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $11
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $5
      and e.start_date <= $6
      and (
        e.end_date is null
        or e.end_date > $7
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    (
      (
        r.birth_date <= $5
        and not (
          r.birth_date is not null
          and cast(
            cast(substr(r.birth_date, 1, 4) as integer) + cast($6 as integer) as text
          ) || substr(r.birth_date, 5) <= $7
        )
      )
      or exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = $8
          and e.start_date <= $9
          and (
            e.end_date is null
            or e.end_date > $10
          )
      )
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $11
            and c.end_date >= $12
            and (
              c.terminated_date is null
              or c.terminated_date > $13
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $14
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    (
      r.birth_date <= $5
      and not (
        r.birth_date is not null
        and cast(
          cast(substr(r.birth_date, 1, 4) as integer) + cast($6 as integer) as text
        ) || substr(r.birth_date, 5) <= $7
      )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $8
        and e.start_date <= $9
        and (
          e.end_date is null
          or e.end_date > $10
        )
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $5
        and e.start_date <= $6
        and (
          e.end_date is null
          or e.end_date > $7
        )
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $8
            and c.end_date >= $9
            and (
              c.terminated_date is null
              or c.terminated_date > $10
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $11
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $5
      and e.start_date <= $6
      and (
        e.end_date is null
        or e.end_date > $7
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = $5
        and e.start_date <= $6
        and (
          e.end_date is null
          or e.end_date > $7
        )
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $8
            and c.end_date >= $9
            and (
              c.terminated_date is null
              or c.terminated_date > $10
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $11
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = $5
      and e.start_date <= $6
      and (
        e.end_date is null
        or e.end_date > $7
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and (
    exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $5
            and c.end_date >= $6
            and (
              c.terminated_date is null
              or c.terminated_date > $7
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $8
    )
    and exists (
      select
        1
      from
        family_doctor_contracts h
      where
        h.id = (
          select
            c.id
          from
            family_doctor_contracts c
          where
            c.resident_id = r.id
            and c.signed_date <= $9
            and c.end_date >= $10
            and (
              c.terminated_date is null
              or c.terminated_date > $11
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like $12
    )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      family_doctor_contracts h
    where
      h.id = (
        select
          c.id
        from
          family_doctor_contracts c
        where
          c.resident_id = r.id
          and c.signed_date <= $5
          and c.end_date >= $6
          and (
            c.terminated_date is null
            or c.terminated_date > $7
          )
        order by
          c.signed_date desc,
          c.id desc
        limit
          1
      )
      and h.key_populations like $8
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      family_doctor_contracts d
    where
      d.resident_id = r.id
      and (
        d.terminated_date is null
        or d.terminated_date > d.end_date
      )
      and d.end_date >= $5
      and d.end_date <= $6
      and exists (
        select
          1
        from
          family_doctor_contracts n
        where
          n.resident_id = r.id
          and n.previous_contract_id = d.id
          and n.signed_date <= $7
      )
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      family_doctor_contracts d
    where
      d.resident_id = r.id
      and (
        d.terminated_date is null
        or d.terminated_date > d.end_date
      )
      and d.end_date >= $5
      and d.end_date <= $6
  )
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = $1
  and (
    r.death_date is null
    or r.death_date > $2
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > $3
  )
  and r.record_created <= $4
  and exists (
    select
      1
    from
      family_doctor_contracts h
    where
      h.id = (
        select
          c.id
        from
          family_doctor_contracts c
        where
          c.resident_id = r.id
          and c.signed_date <= $5
          and c.end_date >= $6
          and (
            c.terminated_date is null
            or c.terminated_date > $7
          )
        order by
          c.signed_date desc,
          c.id desc
        limit
          1
      )
      and (
        (
          h.package_code = $8
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in ($9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
              and s.service_date >= h.signed_date
              and s.service_date >= $20
              and s.service_date <= $21
          )
        )
        or (
          h.package_code = $22
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in ($23)
              and s.service_date >= h.signed_date
              and s.service_date >= $24
              and s.service_date <= $25
          )
        )
        or (
          h.package_code = $26
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in ($27, $28)
              and s.service_date >= h.signed_date
              and s.service_date >= $29
              and s.service_date <= $30
          )
        )
        or (
          h.package_code = $31
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in ($32, $33, $34, $35, $36)
              and s.service_date >= h.signed_date
              and s.service_date >= $37
              and s.service_date <= $38
          )
        )
      )
  )
group by
  r.org_code;
select
  x.code,
  x.kind,
  count(*) as n,
  sum(x.participants) as participants
from
  (
    select
      s.org_code as code,
      ("s"."payload"::jsonb ->> $1) as kind,
      cast(("s"."payload"::jsonb ->> $2) as integer) as participants
    from
      services s
      join orgs o on o.code = s.org_code
    where
      s.type = $3
      and s.resident_id is null
      and s.service_date >= $4
      and s.service_date <= $5
      and "o"."county_code" = $6
  ) x
group by
  x.code,
  x.kind;
