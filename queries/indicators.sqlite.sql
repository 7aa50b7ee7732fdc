-- Written by `npm run queries` from src/modules/indicators/indicators.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- indicators/facts-repository.ts: factTables
-- (no statement: adds the indicator tables to a handle)

-- indicators/facts-repository.ts: addFactYears
insert into
  "indicator_fact_years" ("year")
values
  (?)
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
  (?, ?)
on conflict ("year") do nothing;

-- indicators/facts-repository.ts: advancePreparation
update "indicator_fact_years_preparing"
set
  "prepared_through" = ?
where
  "year" = ?;

-- indicators/facts-repository.ts: finishPreparation
delete from "indicator_fact_years_preparing"
where
  "year" = ?;
insert into
  "indicator_fact_years" ("year")
values
  (?)
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
  (?);

-- indicators/facts-repository.ts: prepareYearsAgain
delete from "indicator_fact_years"
where
  "year" in (?);
insert into
  "indicator_fact_years_preparing" ("year", "prepared_through")
values
  (?, ?)
on conflict ("year") do update
set
  "prepared_through" = ?;

-- indicators/facts-repository.ts: replaceIdKeys
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);

-- indicators/facts-repository.ts: loadIdKeys
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?, ?);

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
  (?, ?, ?, ?, ?);

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
  (?, ?, ?, ?, ?)
on conflict ("resident_id", "year") do update
set
  "terms" = excluded.terms;

-- indicators/facts-repository.ts: loadMemberships
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?)
  and "year" >= ?;

-- indicators/facts-repository.ts: deleteMemberships
delete from "indicator_memberships"
where
  "resident_id" in (?)
  and "year" = ?;

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
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- indicators/facts-repository.ts: deleteTallies
delete from "indicator_tallies"
where
  "year" in (?)
  and "slot" in (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  and "county_code" in (?)
  and "org_code" in (?)
  and "term" in (?);

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
  "id" in (?, ?);

-- indicators/raw-rows-repository.ts: residentIdsAfter
select
  "r"."id"
from
  "residents" as "r"
where
  "r"."id" > ?
  and "r"."county_code" = ?
order by
  "r"."id"
limit
  ?;

-- indicators/raw-rows-repository.ts: loadEnrollments
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?);

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
  "resident_id" in (?, ?);

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
    when type in (?, ?, ?) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?);

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
  "k"."id_key" in (?);

-- indicators/raw-rows-repository.ts: loadActivities
select
  "org_code",
  "county_code",
  "service_date",
  "payload"
from
  "services"
where
  "type" = ?
  and "resident_id" is null
  and "org_code" in (?);

-- indicators/raw-rows-repository.ts: activitiesInScope
select
  "s"."org_code",
  "s"."county_code",
  "s"."service_date",
  "s"."payload"
from
  "services" as "s"
where
  "s"."type" = ?
  and "s"."resident_id" is null
  and "s"."service_date" >= ?
  and "s"."service_date" <= ?
  and "s"."county_code" = ?;

-- indicators/raw-rows-repository.ts: activityOrgs
select distinct
  "org_code"
from
  "services"
where
  "type" = ?
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
  "county_code" = ?
  and "year" = ?;

-- indicators/tally-store-repository.ts: countyTallyNodes
select
  "org_code",
  "slot",
  "term",
  "n"
from
  "indicator_tallies"
where
  "year" = ?
  and "slot" in (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  and "county_code" = ?;

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
  "o"."county_code" = ?
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
  "t"."year" = ?
  and "t"."slot" in (?, ?)
  and "t"."county_code" = ?;

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
  "p"."year" = ?
  and "o"."level" = ?
  and "o"."county_code" = ?;

-- indicators/values-repository.ts: membershipsInScope
select
  "m"."resident_id",
  "m"."terms"
from
  "indicator_memberships" as "m"
where
  "m"."year" = ?
  and "m"."county_code" = ?
  and "m"."terms" like ?
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
  "r"."id" in (?, ?)
  and "r"."county_code" = ?
order by
  "r"."id";

-- indicators/values-repository.ts: latestServiceDateInScope
select
  max("s"."service_date") as "latest"
from
  "services" as "s"
where
  "s"."service_date" >= ?
  and "s"."service_date" <= ?
  and "s"."county_code" = ?;

-- indicators/baseline-repository.ts: baselineTermCounts
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
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
        or r.death_date > ?
      )
      and (
        r.moved_out_date is null
        or r.moved_out_date > ?
      )
      and r.record_created <= ?
      and r.id_number is not null
      and trim(r.id_number) <> ''
  ) x
  join orgs o on o.code = x.org_code
where
  x.rn > 1
  and "o"."county_code" = ?
group by
  x.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.service_date > ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
  ) >= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
                cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
              ) || substr(r.birth_date, 5) <= s.service_date
            ) then s.sbp < ?
            and s.dbp < ?
            else s.sbp < ?
            and s.dbp < ?
          end
        ) then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
                cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
              ) || substr(r.birth_date, 5) <= s.service_date
            ) then s.sbp < ?
            and s.dbp < ?
            else s.sbp < ?
            and s.dbp < ?
          end
        ) then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
                cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
              ) || substr(r.birth_date, 5) <= s.service_date
            ) then s.sbp < ?
            and s.dbp < ?
            else s.sbp < ?
            and s.dbp < ?
          end
        ) then 1
        when s.guidance = 1 then 2
        else 0
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
      and e.start_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
      and e.start_date <= ?
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
        and s.service_date > ?
        and s.service_date <= ?
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
        and e.start_date <= ?
        and e.start_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
      and e.start_date <= ?
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
        and s.service_date > ?
        and s.service_date <= ?
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
        and e.start_date <= ?
        and e.start_date > ?
    )
  )
  and (
    select
      case
        when (
          s.sbp < ?
          and s.dbp < ?
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
      and s.service_date > ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
      and e.start_date <= ?
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
        and s.service_date > ?
        and s.service_date <= ?
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
        and e.start_date <= ?
        and e.start_date > ?
    )
  )
  and (
    select
      case
        when (
          s.sbp < ?
          and s.dbp < ?
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
      and s.service_date > ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
      and e.start_date <= ?
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
        and s.service_date > ?
        and s.service_date <= ?
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
        and e.start_date <= ?
        and e.start_date > ?
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
      and s.service_date > ?
      and s.service_date <= ?
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
      and s.service_date > ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
      and e.start_date <= ?
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
        and s.service_date > ?
        and s.service_date <= ?
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
        and e.start_date <= ?
        and e.start_date > ?
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
      and s.service_date > ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'hypertension'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
      and e.start_date <= ?
  )
  and not (
    (
      r.death_date is null
      or r.death_date > ?
    )
    and (
      r.moved_out_date is null
      or r.moved_out_date > ?
    )
    and exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = 'hypertension'
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
        and e.start_date <= ?
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
          and s.service_date > ?
          and s.service_date <= ?
      )
      or exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = 'hypertension'
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
          )
          and e.start_date <= ?
          and e.start_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
  ) >= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and (
    select
      case
        when s.fasting_glucose is not null then case
          when s.fasting_glucose < ? then 1
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
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and (
    select
      case
        when s.fasting_glucose is not null then case
          when s.fasting_glucose < ? then 1
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
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and (
    select
      case
        when s.fasting_glucose is not null then case
          when s.fasting_glucose < ? then 1
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
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date >= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date >= ?
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
      and s.service_date <= ?
      and cast(json_extract("s"."payload", ?) as integer) < ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date >= ?
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date >= ?
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = 'maternal'
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date >= ?
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date <= ?
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
        and s.type = ?
        and s.service_date >= ?
        and s.service_date <= ?
    )
    or exists (
      select
        1
      from
        services s
      where
        s.resident_id = r.id
        and s.type = ?
        and s.service_date >= ?
        and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date >= ?
  and r.birth_date <= ?
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date >= ?
  and r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date > ?
  and r.birth_date <= ?
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
  ) >= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date > ?
  and r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date <= ?
  and r.birth_date > ?
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date <= ?
  and r.birth_date > ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?, ?, ?, ?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?, ?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?, ?, ?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?, ?, ?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
      else 0
    end
  ) + (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
  and (
    select
      case
        when count(*) > coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        ) then count(*)
        else coalesce(
          max(cast(json_extract("s"."payload", ?) as integer)),
          0
        )
      end
    from
      services s
    where
      s.resident_id = r.id
      and s.type = 'vaccination'
      and s.service_date <= ?
      and lower(trim(json_extract("s"."payload", ?))) in (?, ?, ?)
  ) >= (
    case
      when r.birth_date <= ? then 1
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and r.birth_date is not null
  and r.birth_date <= ?
  and not r.birth_date <= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and (
    select
      cast(json_extract("s"."payload", ?) as text)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
      )
  )
  and (
    select
      count(*)
    from
      services s
    where
      s.resident_id = r.id
      and s.type = ?
      and s.service_date >= ?
      and s.service_date <= ?
  ) >= ?
group by
  r.org_code;
select
  r.org_code as code,
  count(*) as n
from
  residents r
  join orgs o on o.code = r.org_code
where
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    select
      c.id
    from
      family_doctor_contracts c
    where
      c.resident_id = r.id
      and c.signed_date <= ?
      and c.end_date >= ?
      and (
        c.terminated_date is null
        or c.terminated_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    (
      (
        r.birth_date is not null
        and cast(
          cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
        ) || substr(r.birth_date, 5) <= ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
          and e.program = ?
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
          and e.program = ?
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
          and e.program = ?
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
      )
    )
    or (
      (
        (
          r.birth_date <= ?
          and not (
            r.birth_date is not null
            and cast(
              cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
            ) || substr(r.birth_date, 5) <= ?
          )
        )
        or exists (
          select
            1
          from
            enrollments e
          where
            e.resident_id = r.id
            and e.program = ?
            and e.start_date <= ?
            and (
              e.end_date is null
              or e.end_date > ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
          and e.program = ?
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
          and e.program = ?
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
              and c.signed_date <= ?
              and c.end_date >= ?
              and (
                c.terminated_date is null
                or c.terminated_date > ?
              )
            order by
              c.signed_date desc,
              c.id desc
            limit
              1
          )
          and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    (
      r.birth_date is not null
      and cast(
        cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
      ) || substr(r.birth_date, 5) <= ?
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
    )
    or (
      (
        r.birth_date <= ?
        and not (
          r.birth_date is not null
          and cast(
            cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
          ) || substr(r.birth_date, 5) <= ?
        )
      )
      or exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = ?
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
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
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
        )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    (
      r.birth_date is not null
      and cast(
        cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
      ) || substr(r.birth_date, 5) <= ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    r.birth_date is not null
    and cast(
      cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
    ) || substr(r.birth_date, 5) <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    (
      (
        r.birth_date <= ?
        and not (
          r.birth_date is not null
          and cast(
            cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
          ) || substr(r.birth_date, 5) <= ?
        )
      )
      or exists (
        select
          1
        from
          enrollments e
        where
          e.resident_id = r.id
          and e.program = ?
          and e.start_date <= ?
          and (
            e.end_date is null
            or e.end_date > ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    (
      r.birth_date <= ?
      and not (
        r.birth_date is not null
        and cast(
          cast(substr(r.birth_date, 1, 4) as integer) + cast(? as integer) as text
        ) || substr(r.birth_date, 5) <= ?
      )
    )
    or exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and (
    exists (
      select
        1
      from
        enrollments e
      where
        e.resident_id = r.id
        and e.program = ?
        and e.start_date <= ?
        and (
          e.end_date is null
          or e.end_date > ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
  and exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = r.id
      and e.program = ?
      and e.start_date <= ?
      and (
        e.end_date is null
        or e.end_date > ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
            and c.signed_date <= ?
            and c.end_date >= ?
            and (
              c.terminated_date is null
              or c.terminated_date > ?
            )
          order by
            c.signed_date desc,
            c.id desc
          limit
            1
        )
        and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
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
          and c.signed_date <= ?
          and c.end_date >= ?
          and (
            c.terminated_date is null
            or c.terminated_date > ?
          )
        order by
          c.signed_date desc,
          c.id desc
        limit
          1
      )
      and h.key_populations like ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
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
      and d.end_date >= ?
      and d.end_date <= ?
      and exists (
        select
          1
        from
          family_doctor_contracts n
        where
          n.resident_id = r.id
          and n.previous_contract_id = d.id
          and n.signed_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
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
      and d.end_date >= ?
      and d.end_date <= ?
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
  "o"."county_code" = ?
  and (
    r.death_date is null
    or r.death_date > ?
  )
  and (
    r.moved_out_date is null
    or r.moved_out_date > ?
  )
  and r.record_created <= ?
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
          and c.signed_date <= ?
          and c.end_date >= ?
          and (
            c.terminated_date is null
            or c.terminated_date > ?
          )
        order by
          c.signed_date desc,
          c.id desc
        limit
          1
      )
      and (
        (
          h.package_code = ?
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              and s.service_date >= h.signed_date
              and s.service_date >= ?
              and s.service_date <= ?
          )
        )
        or (
          h.package_code = ?
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in (?)
              and s.service_date >= h.signed_date
              and s.service_date >= ?
              and s.service_date <= ?
          )
        )
        or (
          h.package_code = ?
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in (?, ?)
              and s.service_date >= h.signed_date
              and s.service_date >= ?
              and s.service_date <= ?
          )
        )
        or (
          h.package_code = ?
          and exists (
            select
              1
            from
              services s
            where
              s.resident_id = r.id
              and s.type in (?, ?, ?, ?, ?)
              and s.service_date >= h.signed_date
              and s.service_date >= ?
              and s.service_date <= ?
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
      json_extract("s"."payload", ?) as kind,
      cast(json_extract("s"."payload", ?) as integer) as participants
    from
      services s
      join orgs o on o.code = s.org_code
    where
      s.type = ?
      and s.resident_id is null
      and s.service_date >= ?
      and s.service_date <= ?
      and "o"."county_code" = ?
  ) x
group by
  x.code,
  x.kind;
