-- Written by `npm run queries` from src/modules/contracts/contracts.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- contracts/contracts-repository.ts: orgCodesInScope
select
  "o"."code"
from
  "orgs" as "o"
where
  "o"."code" in (?, ?)
  and "o"."county_code" = ?;

-- contracts/contracts-repository.ts: upsertTeams
select
  "id"
from
  "family_doctor_teams"
where
  "code" = ?;
insert into
  "family_doctor_teams" (
    "code",
    "name",
    "county_code",
    "institution_code",
    "members",
    "villages"
  )
values
  (?, ?, ?, ?, ?, ?);

-- contracts/contracts-repository.ts: listTeams
select
  "t"."id",
  "t"."code",
  "t"."name",
  "t"."institution_code",
  "t"."members",
  "t"."villages"
from
  "family_doctor_teams" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."institution_code"
where
  (
    "o"."county_code" = ?
    or exists (
      select
        1
      from
        orgs v
      where
        v.level = 5
        and "v"."county_code" = ?
        and t.villages like '%"' || v.code || '"%'
    )
  )
order by
  "t"."code";

-- contracts/contracts-repository.ts: teamsByCode
select
  "t"."id",
  "t"."code",
  "t"."name",
  "t"."institution_code",
  "t"."members",
  "t"."villages"
from
  "family_doctor_teams" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."institution_code"
where
  "t"."code" in (?)
  and (
    "o"."county_code" = ?
    or exists (
      select
        1
      from
        orgs v
      where
        v.level = 5
        and "v"."county_code" = ?
        and t.villages like '%"' || v.code || '"%'
    )
  );

-- contracts/contracts-repository.ts: residentsByRecordNo
select
  "r"."id",
  "r"."record_no",
  "r"."county_code",
  "r"."org_code",
  "r"."birth_date"
from
  "residents" as "r"
where
  "r"."record_no" in (?)
  and "r"."county_code" = ?;

-- contracts/contracts-repository.ts: enrolmentsOf
select
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" = ?;

-- contracts/contracts-repository.ts: contractsOf
select
  "id",
  "contract_no",
  "resident_id",
  "signed_date",
  "end_date",
  "terminated_date"
from
  "family_doctor_contracts"
where
  "resident_id" = ?;

-- contracts/contracts-repository.ts: upsertContract
select
  "id",
  "resident_id"
from
  "family_doctor_contracts"
where
  "contract_no" = ?;
insert into
  "family_doctor_contracts" (
    "contract_no",
    "created_at",
    "county_code",
    "org_code",
    "resident_id",
    "team_id",
    "signed_date",
    "end_date",
    "package_code",
    "key_populations",
    "disabled",
    "previous_contract_id",
    "terminated_date",
    "termination_reason"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- contracts/contracts-repository.ts: insertContracts
insert into
  "family_doctor_contracts" (
    "contract_no",
    "county_code",
    "org_code",
    "resident_id",
    "team_id",
    "signed_date",
    "end_date",
    "package_code",
    "key_populations",
    "disabled",
    "previous_contract_id",
    "terminated_date",
    "termination_reason",
    "created_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- contracts/contracts-repository.ts: contractIdsByNo
select
  "id",
  "contract_no"
from
  "family_doctor_contracts"
where
  "contract_no" in (?, ?);

-- contracts/contracts-repository.ts: countContracts
select
  count(*) as "n"
from
  "family_doctor_contracts" as "c"
  inner join "family_doctor_teams" as "t" on "t"."id" = "c"."team_id"
where
  "c"."county_code" = ?
  and "c"."signed_date" <= ?
  and "c"."end_date" >= ?
  and (
    "c"."terminated_date" is null
    or "c"."terminated_date" > ?
  )
  and "t"."code" = ?
  and "c"."key_populations" like ?;

-- contracts/contracts-repository.ts: findContracts
select
  "c"."contract_no",
  "r"."record_no",
  "r"."name",
  "r"."id_number",
  "c"."county_code",
  "c"."org_code",
  "t"."code" as "team_code",
  "t"."name" as "team_name",
  "c"."signed_date",
  "c"."end_date",
  "c"."package_code",
  "c"."key_populations",
  "c"."previous_contract_id",
  "c"."terminated_date",
  "c"."termination_reason"
from
  "family_doctor_contracts" as "c"
  inner join "family_doctor_teams" as "t" on "t"."id" = "c"."team_id"
  inner join "residents" as "r" on "r"."id" = "c"."resident_id"
where
  "c"."county_code" = ?
  and "c"."signed_date" <= ?
  and "c"."end_date" < ?
  and (
    "c"."terminated_date" is null
    or "c"."terminated_date" > ?
  )
  and "t"."code" = ?
order by
  "c"."signed_date" desc,
  "c"."contract_no"
limit
  ?
offset
  ?;

-- contracts/contract-indicators-repository.ts: loadContractHistories
select
  "r"."id",
  "r"."org_code",
  "r"."birth_date",
  "r"."record_created",
  "r"."death_date",
  "r"."moved_out_date"
from
  "residents" as "r"
where
  "r"."county_code" = ?;
select
  "e"."resident_id",
  "e"."program",
  "e"."start_date",
  "e"."end_date"
from
  "enrollments" as "e"
  inner join "residents" as "r" on "r"."id" = "e"."resident_id"
where
  "r"."county_code" = ?;
select
  "c"."id",
  "c"."resident_id",
  "c"."signed_date",
  "c"."end_date",
  "c"."terminated_date",
  "c"."package_code",
  "c"."key_populations",
  "c"."previous_contract_id"
from
  "family_doctor_contracts" as "c"
  inner join "residents" as "r" on "r"."id" = "c"."resident_id"
where
  "r"."county_code" = ?;
select
  "s"."resident_id",
  "s"."type",
  "s"."service_date"
from
  "services" as "s"
  inner join "residents" as "r" on "r"."id" = "s"."resident_id"
where
  "r"."county_code" = ?
  and "s"."service_date" >= ?
  and "s"."service_date" <= ?
  and exists (
    select
      1
    from
      family_doctor_contracts c
    where
      c.resident_id = s.resident_id
  );

-- contracts/contract-indicators-repository.ts: loadOrgTree
select
  "o"."code",
  "o"."name",
  "o"."level",
  "o"."province_code",
  "o"."city_code",
  "o"."county_code",
  "o"."township_code",
  "p"."total"
from
  "orgs" as "o"
  left join "org_population" as "p" on "p"."org_code" = "o"."code"
  and "p"."year" = ?
where
  "o"."county_code" = ?
order by
  "o"."code";
