-- Written by `npm run queries` from src/modules/records/records.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- records/records-repository.ts: findResidentsByRecordNo
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in ($1, $2);

-- records/records-repository.ts: findOrgCodes
select
  "code"
from
  "orgs"
where
  "code" in ($1, $2);

-- records/records-repository.ts: upsertResidents
select
  "code"
from
  "orgs"
where
  "code" in ($1);
select
  "record_no" as "key"
from
  "residents"
where
  "record_no" in ($1);
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1);
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
  "resident_id" in ($1);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1);

-- records/records-repository.ts: writeValidatedResidents
select
  "record_no" as "key"
from
  "residents"
where
  "record_no" in ($1);
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1);
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
  "resident_id" in ($1);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1);

-- records/records-repository.ts: upsertEnrollments
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in ($1);
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
  "id" in ($1);
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2);
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
  "resident_id" in ($1, $2);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2);

-- records/records-repository.ts: writeValidatedEnrollments
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
  "id" in ($1);
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2);
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
  "resident_id" in ($1, $2);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2);

-- records/records-repository.ts: upsertServices
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in ($1);
select
  "resident_id",
  "org_code",
  "service_date"
from
  "services"
where
  "service_key" in ($1);
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
  "id" in ($1);
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2);
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
  "resident_id" in ($1, $2);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2);
insert into
  "indicator_fact_years" ("year")
values
  ($1)
on conflict ("year") do nothing;
select
  "id"
from
  "residents"
where
  "id" > $1
order by
  "id"
limit
  $2;
select
  "resident_id",
  "id_key"
from
  "indicator_residents"
where
  "resident_id" in ($1, $2, $3);
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
  "id" in ($1, $2, $3);
delete from "indicator_residents"
where
  "resident_id" in ($1, $2, $3);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3),
  ($4, $5, $6),
  ($7, $8, $9);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2, $3);
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
  "resident_id" in ($1, $2, $3);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2, $3);
insert into
  "indicator_memberships" (
    "resident_id",
    "year",
    "county_code",
    "org_code",
    "terms"
  )
values
  ($1, $2, $3, $4, $5),
  ($6, $7, $8, $9, $10);
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
select
  "id"
from
  "residents"
where
  "id" > $1
order by
  "id"
limit
  $2;
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24),
  ($25, $26, $27, $28, $29, $30),
  ($31, $32, $33, $34, $35, $36),
  ($37, $38, $39, $40, $41, $42),
  ($43, $44, $45, $46, $47, $48),
  ($49, $50, $51, $52, $53, $54),
  ($55, $56, $57, $58, $59, $60),
  ($61, $62, $63, $64, $65, $66),
  ($67, $68, $69, $70, $71, $72),
  ($73, $74, $75, $76, $77, $78),
  ($79, $80, $81, $82, $83, $84),
  ($85, $86, $87, $88, $89, $90),
  ($91, $92, $93, $94, $95, $96),
  ($97, $98, $99, $100, $101, $102),
  ($103, $104, $105, $106, $107, $108),
  ($109, $110, $111, $112, $113, $114),
  ($115, $116, $117, $118, $119, $120),
  ($121, $122, $123, $124, $125, $126),
  ($127, $128, $129, $130, $131, $132),
  ($133, $134, $135, $136, $137, $138),
  ($139, $140, $141, $142, $143, $144),
  ($145, $146, $147, $148, $149, $150),
  ($151, $152, $153, $154, $155, $156),
  ($157, $158, $159, $160, $161, $162),
  ($163, $164, $165, $166, $167, $168),
  ($169, $170, $171, $172, $173, $174),
  ($175, $176, $177, $178, $179, $180),
  ($181, $182, $183, $184, $185, $186),
  ($187, $188, $189, $190, $191, $192)
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24),
  ($25, $26, $27, $28, $29, $30),
  ($31, $32, $33, $34, $35, $36),
  ($37, $38, $39, $40, $41, $42),
  ($43, $44, $45, $46, $47, $48),
  ($49, $50, $51, $52, $53, $54),
  ($55, $56, $57, $58, $59, $60),
  ($61, $62, $63, $64, $65, $66),
  ($67, $68, $69, $70, $71, $72),
  ($73, $74, $75, $76, $77, $78),
  ($79, $80, $81, $82, $83, $84),
  ($85, $86, $87, $88, $89, $90),
  ($91, $92, $93, $94, $95, $96)
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24)
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
select distinct
  "org_code"
from
  "services"
where
  "type" = $1
  and "resident_id" is null;

-- records/records-repository.ts: writeValidatedServices
select
  "resident_id",
  "org_code",
  "service_date"
from
  "services"
where
  "service_key" in ($1);
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2, $3);
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
  "resident_id" in ($1, $2, $3);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2, $3);

-- records/records-repository.ts: deleteService
delete from "services"
where
  "id" = $1
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2, $3);
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
  "resident_id" in ($1, $2, $3);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2, $3);
delete from "indicator_memberships"
where
  "resident_id" in ($1)
  and "year" in ($2);
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24),
  ($25, $26, $27, $28, $29, $30),
  ($31, $32, $33, $34, $35, $36),
  ($37, $38, $39, $40, $41, $42),
  ($43, $44, $45, $46, $47, $48),
  ($49, $50, $51, $52, $53, $54),
  ($55, $56, $57, $58, $59, $60),
  ($61, $62, $63, $64, $65, $66),
  ($67, $68, $69, $70, $71, $72),
  ($73, $74, $75, $76, $77, $78),
  ($79, $80, $81, $82, $83, $84),
  ($85, $86, $87, $88, $89, $90),
  ($91, $92, $93, $94, $95, $96)
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24),
  ($25, $26, $27, $28, $29, $30),
  ($31, $32, $33, $34, $35, $36),
  ($37, $38, $39, $40, $41, $42),
  ($43, $44, $45, $46, $47, $48)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- records/records-repository.ts: recordDeath
update "residents"
set
  "death_date" = $1,
  "updated_at" = $2
where
  "record_no" = $3
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2, $3);
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
  "resident_id" in ($1, $2, $3);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2, $3);
delete from "indicator_memberships"
where
  "resident_id" in ($1)
  and "year" in ($2);
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24),
  ($25, $26, $27, $28, $29, $30),
  ($31, $32, $33, $34, $35, $36),
  ($37, $38, $39, $40, $41, $42),
  ($43, $44, $45, $46, $47, $48)
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- records/records-repository.ts: recordMoveOut
update "residents"
set
  "moved_out_date" = $1,
  "updated_at" = $2
where
  "record_no" = $3
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2, $3);
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
  "resident_id" in ($1, $2, $3);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2, $3);

-- records/records-repository.ts: moveResident
select
  "code"
from
  "orgs"
where
  "code" in ($1);
update "residents"
set
  "org_code" = $1,
  "county_code" = $2,
  "updated_at" = $3
where
  "record_no" = $4
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2, $3);
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
  "resident_id" in ($1, $2, $3);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2, $3);
delete from "indicator_memberships"
where
  "resident_id" in ($1)
  and "year" in ($2);
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24),
  ($25, $26, $27, $28, $29, $30),
  ($31, $32, $33, $34, $35, $36),
  ($37, $38, $39, $40, $41, $42),
  ($43, $44, $45, $46, $47, $48),
  ($49, $50, $51, $52, $53, $54),
  ($55, $56, $57, $58, $59, $60),
  ($61, $62, $63, $64, $65, $66),
  ($67, $68, $69, $70, $71, $72),
  ($73, $74, $75, $76, $77, $78),
  ($79, $80, $81, $82, $83, $84),
  ($85, $86, $87, $88, $89, $90),
  ($91, $92, $93, $94, $95, $96),
  ($97, $98, $99, $100, $101, $102),
  ($103, $104, $105, $106, $107, $108),
  ($109, $110, $111, $112, $113, $114),
  ($115, $116, $117, $118, $119, $120),
  ($121, $122, $123, $124, $125, $126),
  ($127, $128, $129, $130, $131, $132),
  ($133, $134, $135, $136, $137, $138),
  ($139, $140, $141, $142, $143, $144),
  ($145, $146, $147, $148, $149, $150),
  ($151, $152, $153, $154, $155, $156),
  ($157, $158, $159, $160, $161, $162),
  ($163, $164, $165, $166, $167, $168),
  ($169, $170, $171, $172, $173, $174),
  ($175, $176, $177, $178, $179, $180),
  ($181, $182, $183, $184, $185, $186),
  ($187, $188, $189, $190, $191, $192)
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;
update "enrollments"
set
  "county_code" = $1
where
  "resident_id" = $2;

-- records/records-repository.ts: endEnrollment
select
  "id",
  "record_no",
  "org_code"
from
  "residents"
where
  "record_no" in ($1);
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
  "resident_id" in ($1);
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
  "id" in ($1);
delete from "indicator_residents"
where
  "resident_id" in ($1);
insert into
  "indicator_residents" ("resident_id", "county_code", "id_key")
values
  ($1, $2, $3);
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
select
  "resident_id",
  "program",
  "start_date",
  "end_date"
from
  "enrollments"
where
  "resident_id" in ($1, $2, $3);
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
  "resident_id" in ($1, $2, $3);
select
  *
from
  "indicator_memberships"
where
  "resident_id" in ($1, $2, $3);
delete from "indicator_memberships"
where
  "resident_id" in ($1)
  and "year" in ($2);
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12),
  ($13, $14, $15, $16, $17, $18),
  ($19, $20, $21, $22, $23, $24)
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
  ($1, $2, $3, $4, $5, $6),
  ($7, $8, $9, $10, $11, $12)
on conflict ("year", "slot", "county_code", "org_code", "term") do update
set
  "n" = indicator_tallies.n + excluded.n;

-- records/records-repository.ts: getResidentByRecordNo
select
  *
from
  "residents"
where
  "record_no" = $1;
