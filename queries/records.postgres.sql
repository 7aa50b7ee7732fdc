-- Written by `npm run queries` from src/modules/records/records.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- records/record-lookups-repository.ts: findResidentsByRecordNo
select
  "id",
  "record_no",
  "org_code",
  "birth_date",
  "death_date"
from
  "residents"
where
  "record_no" in ($1, $2)
  and "residents"."county_code" = $3;

-- records/record-lookups-repository.ts: findOrgCodes
select
  "o"."code"
from
  "orgs" as "o"
where
  "o"."code" in ($1, $2)
  and "o"."county_code" = $3;

-- records/record-lookups-repository.ts: servicesInScope
-- (no statement: builds the condition of deleteService and the stored-service lookup)

-- records/record-lookups-repository.ts: storedKeys
select
  "residents"."record_no" as "key",
  case
    when "residents"."county_code" = $1 then 1
    else 0
  end as "in_scope"
from
  "residents"
where
  "record_no" in ($2, $3);

-- records/record-lookups-repository.ts: getResidentByRecordNo
select
  *
from
  "residents"
where
  "record_no" = $1
  and "residents"."county_code" = $2;

-- records/residents-repository.ts: upsertResidents
select
  "o"."code"
from
  "orgs" as "o"
where
  "o"."code" in ($1)
  and "o"."county_code" = $2;
select
  "residents"."record_no" as "key",
  case
    when "residents"."county_code" = $1 then 1
    else 0
  end as "in_scope"
from
  "residents"
where
  "record_no" in ($2);
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
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

-- records/residents-repository.ts: writeValidatedResidents
select
  "residents"."record_no" as "key",
  case
    when "residents"."county_code" = $1 then 1
    else 0
  end as "in_scope"
from
  "residents"
where
  "record_no" in ($2);
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
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

-- records/residents-repository.ts: requireDate
-- (no statement: checks a date)

-- records/residents-repository.ts: requireResident
select
  "id"
from
  "residents"
where
  "record_no" = $1
  and "residents"."county_code" = $2;

-- records/residents-repository.ts: recordDeath
update "residents"
set
  "death_date" = $1,
  "updated_at" = $2
where
  "record_no" = $3
  and "residents"."county_code" = $4
returning
  "id";

-- records/residents-repository.ts: recordMoveOut
update "residents"
set
  "moved_out_date" = $1,
  "updated_at" = $2
where
  "record_no" = $3
  and "residents"."county_code" = $4
returning
  "id";

-- records/residents-repository.ts: moveResident
select
  "o"."code"
from
  "orgs" as "o"
where
  "o"."code" in ($1)
  and "o"."county_code" = $2;
update "residents"
set
  "org_code" = $1,
  "county_code" = $2,
  "updated_at" = $3
where
  "record_no" = $4
  and "residents"."county_code" = $5
returning
  "id";
update "enrollments"
set
  "county_code" = $1
where
  "resident_id" = $2;

-- records/enrollments-repository.ts: upsertEnrollments
select
  "id",
  "record_no",
  "org_code",
  "birth_date",
  "death_date"
from
  "residents"
where
  "record_no" in ($1)
  and "residents"."county_code" = $2;
select
  "resident_id",
  "program",
  "start_date"
from
  "enrollments"
where
  "resident_id" in ($1);
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
  ($1, $2, $3, $4, $5, $6, $7)
on conflict ("resident_id", "program", "start_date") do update
set
  "county_code" = "excluded"."county_code",
  "end_date" = "excluded"."end_date",
  "end_reason" = "excluded"."end_reason",
  "detail" = "excluded"."detail";

-- records/enrollments-repository.ts: writeValidatedEnrollments
select
  "resident_id",
  "program",
  "start_date"
from
  "enrollments"
where
  "resident_id" in ($1);
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
  ($1, $2, $3, $4, $5, $6, $7)
on conflict ("resident_id", "program", "start_date") do update
set
  "county_code" = "excluded"."county_code",
  "end_date" = "excluded"."end_date",
  "end_reason" = "excluded"."end_reason",
  "detail" = "excluded"."detail";

-- records/enrollments-repository.ts: endEnrollment
select
  "id"
from
  "residents"
where
  "record_no" = $1
  and "residents"."county_code" = $2;
update "enrollments"
set
  "end_date" = $1,
  "end_reason" = $2
where
  "resident_id" = $3
  and "program" = $4
  and "end_date" is null
  and "start_date" <= $5
returning
  "id";

-- records/services-repository.ts: upsertServices
select
  "id",
  "record_no",
  "org_code",
  "birth_date",
  "death_date"
from
  "residents"
where
  "record_no" in ($1)
  and "residents"."county_code" = $2;
select
  "services"."service_key",
  "services"."resident_id",
  "services"."org_code",
  "services"."service_date",
  "services"."type",
  case
    when (
      "services"."county_code" = $1
      and (
        services.resident_id is null
        or exists (
          select
            1
          from
            residents sr
          where
            sr.id = services.resident_id
            and "sr"."county_code" = $2
        )
      )
    ) then 1
    else 0
  end as "in_scope"
from
  "services"
where
  "services"."service_key" in ($3);
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
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

-- records/services-repository.ts: writeValidatedServices
select
  "services"."service_key",
  "services"."resident_id",
  "services"."org_code",
  "services"."service_date",
  "services"."type",
  case
    when (
      "services"."county_code" = $1
      and (
        services.resident_id is null
        or exists (
          select
            1
          from
            residents sr
          where
            sr.id = services.resident_id
            and "sr"."county_code" = $2
        )
      )
    ) then 1
    else 0
  end as "in_scope"
from
  "services"
where
  "services"."service_key" in ($3);
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
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
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

-- records/services-repository.ts: deleteService
delete from "services"
where
  "id" = $1
  and (
    "services"."county_code" = $2
    and (
      services.resident_id is null
      or exists (
        select
          1
        from
          residents sr
        where
          sr.id = services.resident_id
          and "sr"."county_code" = $3
      )
    )
  )
returning
  "resident_id",
  "org_code",
  "service_date",
  "type";

-- records/entry-repository.ts: residentForEntry
select
  "id",
  "record_no",
  "org_code",
  "birth_date",
  "death_date"
from
  "residents"
where
  "record_no" in ($1)
  and "residents"."county_code" = $2;

-- records/entry-repository.ts: recentCheckupsNear
select
  "township_code"
from
  "orgs"
where
  "code" = $1;
select
  s.id,
  s.resident_id,
  s.service_date,
  s.org_code,
  s.county_code,
  s.institution,
  coalesce(o.township_code, s.org_code) as unit,
  "s"."sbp" as "v0",
  "s"."dbp" as "v1",
  "s"."heart_rate" as "v2",
  "s"."fasting_glucose" as "v3",
  "s"."weight" as "v4",
  "s"."waist" as "v5"
from
  services s
  left join orgs o on o.code = s.org_code
where
  s.id in (
    select
      c.id
    from
      services c
    where
      c.type = 'elderly_checkup'
      and "c"."service_date" >= $1
      and "c"."service_date" <= $2
      and "c"."county_code" = $3
  )
  and s.resident_id is not null
order by
  s.id;

-- records/resident-search-repository.ts: searchResidents
select
  count(*) as "n"
from
  "residents"
where
  (
    "residents"."record_no" = $1
    or "residents"."id_number" in ($2)
    or "residents"."name" = $3
  )
  and "residents"."county_code" = $4;
select
  "residents"."record_no",
  "residents"."id_number",
  "residents"."name",
  "residents"."sex",
  "residents"."birth_date",
  "residents"."org_code",
  "orgs"."name" as "org_name",
  "residents"."death_date",
  "residents"."moved_out_date"
from
  "residents"
  left join "orgs" on "orgs"."code" = "residents"."org_code"
where
  (
    "residents"."record_no" = $1
    or "residents"."id_number" in ($2)
    or "residents"."name" = $3
  )
  and "residents"."county_code" = $4
order by
  "residents"."record_no"
limit
  $5
offset
  $6;

-- records/resident-search-repository.ts: enrollmentsOfResident
select
  "program",
  "start_date",
  "end_date",
  "end_reason"
from
  "enrollments"
where
  "resident_id" = $1
order by
  "start_date",
  "program";

-- records/resident-search-repository.ts: servicesOfResident
select
  "id",
  "type",
  "service_date",
  "org_code",
  "institution",
  "doctor",
  "sbp",
  "dbp",
  "heart_rate",
  "fasting_glucose",
  "weight",
  "controlled",
  "payload"
from
  "services"
where
  "resident_id" = $1
  and (
    "services"."county_code" = $2
    and (
      services.resident_id is null
      or exists (
        select
          1
        from
          residents sr
        where
          sr.id = services.resident_id
          and "sr"."county_code" = $3
      )
    )
  )
order by
  "service_date" desc,
  "id" desc;
