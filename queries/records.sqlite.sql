-- Written by `npm run queries` from src/modules/records/records.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- records/records-repository.ts: findResidentsByRecordNo
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in (?, ?);

-- records/records-repository.ts: findOrgCodes
select
  "code"
from
  "orgs"
where
  "code" in (?, ?);

-- records/records-repository.ts: upsertResidents
select
  "code"
from
  "orgs"
where
  "code" in (?);
select
  "record_no" as "key"
from
  "residents"
where
  "record_no" in (?);
insert into
  "residents" (
    "county_code",
    "record_no",
    "id_number",
    "name",
    "sex",
    "birth_date",
    "ethnicity",
    "org_code",
    "phone",
    "contact_name",
    "contact_phone",
    "electronic",
    "record_created",
    "record_updated",
    "death_date",
    "moved_out_date",
    "created_at",
    "updated_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict ("record_no") do update
set
  "county_code" = "excluded"."county_code",
  "id_number" = "excluded"."id_number",
  "name" = "excluded"."name",
  "sex" = "excluded"."sex",
  "birth_date" = "excluded"."birth_date",
  "ethnicity" = "excluded"."ethnicity",
  "org_code" = "excluded"."org_code",
  "phone" = "excluded"."phone",
  "contact_name" = "excluded"."contact_name",
  "contact_phone" = "excluded"."contact_phone",
  "electronic" = "excluded"."electronic",
  "record_created" = "excluded"."record_created",
  "record_updated" = "excluded"."record_updated",
  "death_date" = coalesce("excluded"."death_date", "residents"."death_date"),
  "moved_out_date" = coalesce(
    "excluded"."moved_out_date",
    "residents"."moved_out_date"
  ),
  "updated_at" = "excluded"."updated_at"
returning
  "id";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?);

-- records/records-repository.ts: writeValidatedResidents
select
  "record_no" as "key"
from
  "residents"
where
  "record_no" in (?);
insert into
  "residents" (
    "county_code",
    "record_no",
    "id_number",
    "name",
    "sex",
    "birth_date",
    "ethnicity",
    "org_code",
    "phone",
    "contact_name",
    "contact_phone",
    "electronic",
    "record_created",
    "record_updated",
    "death_date",
    "moved_out_date",
    "created_at",
    "updated_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict ("record_no") do update
set
  "county_code" = "excluded"."county_code",
  "id_number" = "excluded"."id_number",
  "name" = "excluded"."name",
  "sex" = "excluded"."sex",
  "birth_date" = "excluded"."birth_date",
  "ethnicity" = "excluded"."ethnicity",
  "org_code" = "excluded"."org_code",
  "phone" = "excluded"."phone",
  "contact_name" = "excluded"."contact_name",
  "contact_phone" = "excluded"."contact_phone",
  "electronic" = "excluded"."electronic",
  "record_created" = "excluded"."record_created",
  "record_updated" = "excluded"."record_updated",
  "death_date" = coalesce("excluded"."death_date", "residents"."death_date"),
  "moved_out_date" = coalesce(
    "excluded"."moved_out_date",
    "residents"."moved_out_date"
  ),
  "updated_at" = "excluded"."updated_at"
returning
  "id";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?);

-- records/records-repository.ts: upsertEnrollments
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in (?);
select
  "resident_id",
  "program",
  "start_date"
from
  "enrollments"
where
  "resident_id" in (?);
insert into
  "enrollments" (
    "county_code",
    "resident_id",
    "program",
    "start_date",
    "end_date",
    "end_reason",
    "detail"
  )
values
  (?, ?, ?, ?, ?, ?, ?)
on conflict ("resident_id", "program", "start_date") do update
set
  "county_code" = "excluded"."county_code",
  "end_date" = "excluded"."end_date",
  "end_reason" = "excluded"."end_reason",
  "detail" = "excluded"."detail";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
  "id" in (?);
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?);

-- records/records-repository.ts: writeValidatedEnrollments
select
  "resident_id",
  "program",
  "start_date"
from
  "enrollments"
where
  "resident_id" in (?);
insert into
  "enrollments" (
    "county_code",
    "resident_id",
    "program",
    "start_date",
    "end_date",
    "end_reason",
    "detail"
  )
values
  (?, ?, ?, ?, ?, ?, ?)
on conflict ("resident_id", "program", "start_date") do update
set
  "county_code" = "excluded"."county_code",
  "end_date" = "excluded"."end_date",
  "end_reason" = "excluded"."end_reason",
  "detail" = "excluded"."detail";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
  "id" in (?);
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?);

-- records/records-repository.ts: upsertServices
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in (?);
select
  "resident_id",
  "org_code",
  "service_date"
from
  "services"
where
  "service_key" in (?);
insert into
  "services" (
    "county_code",
    "resident_id",
    "service_key",
    "type",
    "service_date",
    "org_code",
    "institution",
    "doctor",
    "sbp",
    "dbp",
    "sbp_right",
    "dbp_right",
    "heart_rate",
    "fasting_glucose",
    "weight",
    "waist",
    "controlled",
    "guidance",
    "payload",
    "created_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict ("service_key") do update
set
  "county_code" = "excluded"."county_code",
  "resident_id" = "excluded"."resident_id",
  "type" = "excluded"."type",
  "service_date" = "excluded"."service_date",
  "org_code" = "excluded"."org_code",
  "institution" = "excluded"."institution",
  "doctor" = "excluded"."doctor",
  "sbp" = "excluded"."sbp",
  "dbp" = "excluded"."dbp",
  "sbp_right" = "excluded"."sbp_right",
  "dbp_right" = "excluded"."dbp_right",
  "heart_rate" = "excluded"."heart_rate",
  "fasting_glucose" = "excluded"."fasting_glucose",
  "weight" = "excluded"."weight",
  "waist" = "excluded"."waist",
  "controlled" = "excluded"."controlled",
  "guidance" = "excluded"."guidance",
  "payload" = "excluded"."payload";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
  "id" in (?);
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?);
insert into
  "indicator_fact_years" ("year")
values
  (?)
on conflict ("year") do nothing;
select
  "id"
from
  "residents"
where
  "id" > ?
order by
  "id"
limit
  ?;
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?, ?, ?);
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
  "id" in (?, ?, ?);
delete from "indicator_residents"
where
  "resident_id" in (?, ?, ?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?),
  (?, ?, ?),
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?, ?);
insert into
  "indicator_memberships" (
    "resident_id",
    "year",
    "county_code",
    "org_code",
    "terms"
  )
values
  (?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?);
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
select
  "id"
from
  "residents"
where
  "id" > ?
order by
  "id"
limit
  ?;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
select distinct
  "org_code"
from
  "services"
where
  "type" = ?
  and "resident_id" is null;

-- records/records-repository.ts: writeValidatedServices
select
  "resident_id",
  "org_code",
  "service_date"
from
  "services"
where
  "service_key" in (?);
insert into
  "services" (
    "county_code",
    "resident_id",
    "service_key",
    "type",
    "service_date",
    "org_code",
    "institution",
    "doctor",
    "sbp",
    "dbp",
    "sbp_right",
    "dbp_right",
    "heart_rate",
    "fasting_glucose",
    "weight",
    "waist",
    "controlled",
    "guidance",
    "payload",
    "created_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict ("service_key") do update
set
  "county_code" = "excluded"."county_code",
  "resident_id" = "excluded"."resident_id",
  "type" = "excluded"."type",
  "service_date" = "excluded"."service_date",
  "org_code" = "excluded"."org_code",
  "institution" = "excluded"."institution",
  "doctor" = "excluded"."doctor",
  "sbp" = "excluded"."sbp",
  "dbp" = "excluded"."dbp",
  "sbp_right" = "excluded"."sbp_right",
  "dbp_right" = "excluded"."dbp_right",
  "heart_rate" = "excluded"."heart_rate",
  "fasting_glucose" = "excluded"."fasting_glucose",
  "weight" = "excluded"."weight",
  "waist" = "excluded"."waist",
  "controlled" = "excluded"."controlled",
  "guidance" = "excluded"."guidance",
  "payload" = "excluded"."payload";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?, ?);

-- records/records-repository.ts: deleteService
delete from "services"
where
  "id" = ?
returning
  "resident_id",
  "org_code",
  "service_date";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?, ?);
delete from "indicator_memberships"
where
  "resident_id" in (?)
  and "year" in (?);
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- records/records-repository.ts: recordDeath
update "residents"
set
  "death_date" = ?,
  "updated_at" = ?
where
  "record_no" = ?
returning
  "id";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?, ?);
delete from "indicator_memberships"
where
  "resident_id" in (?)
  and "year" in (?);
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- records/records-repository.ts: recordMoveOut
update "residents"
set
  "moved_out_date" = ?,
  "updated_at" = ?
where
  "record_no" = ?
returning
  "id";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?, ?);

-- records/records-repository.ts: moveResident
select
  "code"
from
  "orgs"
where
  "code" in (?);
update "residents"
set
  "org_code" = ?,
  "county_code" = ?,
  "updated_at" = ?
where
  "record_no" = ?
returning
  "id";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?, ?);
delete from "indicator_memberships"
where
  "resident_id" in (?)
  and "year" in (?);
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
update "enrollments"
set
  "county_code" = ?
where
  "resident_id" = ?;

-- records/records-repository.ts: endEnrollment
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in (?);
update "enrollments"
set
  "end_date" = ?,
  "end_reason" = ?
where
  "resident_id" = ?
  and "program" = ?
  and "end_date" is null
  and "start_date" <= ?
returning
  "id";
select
  "year"
from
  "indicator_fact_years"
order by
  "year";
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in (?);
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
  "id" in (?);
delete from "indicator_residents"
where
  "resident_id" in (?);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  (?, ?, ?);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in (?, ?, ?);
select
  "id",
  "resident_id",
  "type",
  "service_date",
  "sbp",
  "dbp",
  "fasting_glucose",
  "controlled",
  "guidance",
  case
    when type in (
      'vaccination',
      'prenatal_registration',
      'tb_followup'
    ) then payload
  end as "payload"
from
  "services"
where
  "resident_id" in (?, ?, ?);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in (?, ?, ?);
delete from "indicator_memberships"
where
  "resident_id" in (?)
  and "year" in (?);
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
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
  (?, ?, ?, ?, ?, ?),
  (?, ?, ?, ?, ?, ?)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- records/records-repository.ts: getResidentByRecordNo
select
  *
from
  "residents"
where
  "record_no" = ?;
