-- Written by `npm run queries` from src/modules/audits/audits.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- audits/run-repository.ts: insertRun
insert into
  "audit_runs" (
    "started_at",
    "finished_at",
    "status",
    "org_code",
    "period",
    "window_from",
    "window_to",
    "as_of",
    "rules",
    "parameters",
    "summary"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
returning
  "id";

-- audits/run-repository.ts: upsertFindings
insert into
  "audit_findings" (
    "finding_key",
    "rule",
    "severity",
    "status",
    "county_code",
    "org_code",
    "resident_id",
    "service_id",
    "subject",
    "subject_date",
    "weight",
    "evidence",
    "first_run_id",
    "last_run_id",
    "first_seen_at",
    "last_seen_at",
    "resolved_by",
    "resolved_at",
    "closed_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
on conflict ("finding_key") do update
set
  "severity" = excluded.severity,
  "county_code" = excluded.county_code,
  "org_code" = excluded.org_code,
  "resident_id" = excluded.resident_id,
  "service_id" = excluded.service_id,
  "subject_date" = excluded.subject_date,
  "weight" = excluded.weight,
  "evidence" = excluded.evidence,
  "last_run_id" = excluded.last_run_id,
  "last_seen_at" = excluded.last_seen_at,
  "status" = case
    when audit_findings.status = 'closed' then 'open'
    else audit_findings.status
  end,
  "closed_at" = $20,
  "closed_run_id" = $21;

-- audits/run-repository.ts: closeVanished
-- (2 times)
update audit_findings
set
  status = 'closed',
  closed_at = $1,
  closed_run_id = $2
where
  rule = $3
  and last_run_id < $4
  and status <> 'closed'
  and "county_code" = $5
  and (
    subject_date is null
    or (
      "subject_date" >= $6
      and "subject_date" <= $7
    )
  );

-- audits/run-repository.ts: storeRunCounts
insert into
  audit_run_counts (run_id, org_code, rule, severity, count, affected)
select
  $1,
  org_code,
  rule,
  severity,
  count(*),
  sum(weight)
from
  audit_findings
where
  rule in ($2, $3)
  and last_run_id = $4
group by
  org_code,
  rule,
  severity;
select
  rule,
  count(*) as found,
  sum(weight) as affected,
  sum(
    case
      when first_run_id = $1 then 1
      else 0
    end
  ) as new,
  sum(
    case
      when status = 'resolved' then 1
      else 0
    end
  ) as resolved
from
  audit_findings
where
  rule in ($2, $3)
  and last_run_id = $4
group by
  rule;

-- audits/run-repository.ts: finishRun
update "audit_runs"
set
  "status" = $1,
  "finished_at" = $2,
  "summary" = $3
where
  "id" = $4;

-- audits/run-repository.ts: selectRuns
select
  *
from
  "audit_runs"
where
  "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = $1
  )
order by
  "id" desc
limit
  $2;
select
  *
from
  "audit_runs"
where
  "org_code" in (
    select
      "o"."code"
    from
      "orgs" as "o"
    where
      "o"."county_code" = $1
  )
  and "id" = $2
order by
  "id" desc
limit
  $3;

-- audits/rules/duplicate-records.ts: candidates (default parameters)
select
  id_number
from
  residents
where
  id_number is not null
group by
  id_number
having
  count(*) > 1;
select distinct
  r.id_number
from
  "residents" as "r"
where
  (
    "r"."id_number" <> upper(trim("r"."id_number"))
    or length(trim("r"."id_number")) = 15
  );
select
  r.id,
  r.id_number,
  r.record_no,
  r.org_code,
  r.county_code,
  case
    when "r"."county_code" = $1 then 1
    else 0
  end as in_scope
from
  residents r
where
  r.id_number in ($2)
  and "r"."record_created" <= $3
  and (
    "r"."death_date" is null
    or "r"."death_date" > $4
  )
  and (
    "r"."moved_out_date" is null
    or "r"."moved_out_date" > $5
  );
select
  (
    nullif(trim(cast("r"."county_code" as text)), '') || '|' || nullif(trim(cast("r"."name" as text)), '') || '|' || nullif(trim(cast("r"."birth_date" as text)), '') || '|' || nullif(trim(cast("r"."sex" as text)), '')
  ) as k
from
  "residents" as "r"
where
  (
    nullif(trim(cast("r"."county_code" as text)), '') || '|' || nullif(trim(cast("r"."name" as text)), '') || '|' || nullif(trim(cast("r"."birth_date" as text)), '') || '|' || nullif(trim(cast("r"."sex" as text)), '')
  ) is not null
group by
  (
    nullif(trim(cast("r"."county_code" as text)), '') || '|' || nullif(trim(cast("r"."name" as text)), '') || '|' || nullif(trim(cast("r"."birth_date" as text)), '') || '|' || nullif(trim(cast("r"."sex" as text)), '')
  )
having
  count(*) > 1;

-- audits/rules/id-problems.ts: candidates (default parameters)
select
  r.id,
  r.id_number,
  r.birth_date,
  r.sex,
  r.org_code,
  r.county_code
from
  "residents" as "r"
where
  (
    (
      case
        when "r"."id_number" is not null
        and length("r"."id_number") = 18
        and (substr("r"."id_number", 1, 17) ~ '^[0-9]*$')
        and substr("r"."id_number", 18, 1) in (
          '0',
          '1',
          '2',
          '3',
          '4',
          '5',
          '6',
          '7',
          '8',
          '9',
          'X'
        )
        and substr("r"."id_number", 1, 2) in (
          '11',
          '12',
          '13',
          '14',
          '15',
          '21',
          '22',
          '23',
          '31',
          '32',
          '33',
          '34',
          '35',
          '36',
          '37',
          '41',
          '42',
          '43',
          '44',
          '45',
          '46',
          '50',
          '51',
          '52',
          '53',
          '54',
          '61',
          '62',
          '63',
          '64',
          '65',
          '71',
          '81',
          '82',
          '83'
        )
        and "r"."birth_date" = substr("r"."id_number", 7, 4) || '-' || substr("r"."id_number", 11, 2) || '-' || substr("r"."id_number", 13, 2)
        and "r"."birth_date" >= '1880-01-01'
        and "r"."sex" = case
          when substr("r"."id_number", 17, 1) in ('1', '3', '5', '7', '9') then 'M'
          else 'F'
        end
        and substr("r"."id_number", 18, 1) = substr(
          '10X98765432',
          (
            case
              when length("r"."id_number") = 18
              and (substr("r"."id_number", 1, 17) ~ '^[0-9]*$') then cast(substr("r"."id_number", 1, 1) as integer) * 7 + cast(substr("r"."id_number", 2, 1) as integer) * 9 + cast(substr("r"."id_number", 3, 1) as integer) * 10 + cast(substr("r"."id_number", 4, 1) as integer) * 5 + cast(substr("r"."id_number", 5, 1) as integer) * 8 + cast(substr("r"."id_number", 6, 1) as integer) * 4 + cast(substr("r"."id_number", 7, 1) as integer) * 2 + cast(substr("r"."id_number", 8, 1) as integer) * 1 + cast(substr("r"."id_number", 9, 1) as integer) * 6 + cast(substr("r"."id_number", 10, 1) as integer) * 3 + cast(substr("r"."id_number", 11, 1) as integer) * 7 + cast(substr("r"."id_number", 12, 1) as integer) * 9 + cast(substr("r"."id_number", 13, 1) as integer) * 10 + cast(substr("r"."id_number", 14, 1) as integer) * 5 + cast(substr("r"."id_number", 15, 1) as integer) * 8 + cast(substr("r"."id_number", 16, 1) as integer) * 4 + cast(substr("r"."id_number", 17, 1) as integer) * 2
              else 0
            end
          ) % 11 + 1,
          1
        ) then 1
        else 0
      end
    ) = 0
    or "r"."birth_date" > "r"."record_created"
  )
  and "r"."county_code" = $1
  and "r"."record_created" <= $2
  and (
    "r"."death_date" is null
    or "r"."death_date" > $3
  )
  and (
    "r"."moved_out_date" is null
    or "r"."moved_out_date" > $4
  )
  and (
    case
      when (
        "r"."id_number" is not null
        and length("r"."id_number") = 18
        and (substr("r"."id_number", 1, 17) ~ '^[0-9]*$')
        and substr("r"."id_number", 18, 1) in (
          '0',
          '1',
          '2',
          '3',
          '4',
          '5',
          '6',
          '7',
          '8',
          '9',
          'X'
        )
        and substr("r"."id_number", 1, 2) in ($5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39)
        and r.birth_date = substr("r"."id_number", 7, 4) || '-' || substr("r"."id_number", 11, 2) || '-' || substr("r"."id_number", 13, 2)
        and r.birth_date >= $40
        and r.birth_date <= $41
        and r.sex = case
          when substr("r"."id_number", 17, 1) in ('1', '3', '5', '7', '9') then 'M'
          else 'F'
        end
        and substr("r"."id_number", 18, 1) = substr(
          '10X98765432',
          (
            case
              when length("r"."id_number") = 18
              and (substr("r"."id_number", 1, 17) ~ '^[0-9]*$') then cast(substr("r"."id_number", $42, 1) as integer) * $43 + cast(substr("r"."id_number", $44, 1) as integer) * $45 + cast(substr("r"."id_number", $46, 1) as integer) * $47 + cast(substr("r"."id_number", $48, 1) as integer) * $49 + cast(substr("r"."id_number", $50, 1) as integer) * $51 + cast(substr("r"."id_number", $52, 1) as integer) * $53 + cast(substr("r"."id_number", $54, 1) as integer) * $55 + cast(substr("r"."id_number", $56, 1) as integer) * $57 + cast(substr("r"."id_number", $58, 1) as integer) * $59 + cast(substr("r"."id_number", $60, 1) as integer) * $61 + cast(substr("r"."id_number", $62, 1) as integer) * $63 + cast(substr("r"."id_number", $64, 1) as integer) * $65 + cast(substr("r"."id_number", $66, 1) as integer) * $67 + cast(substr("r"."id_number", $68, 1) as integer) * $69 + cast(substr("r"."id_number", $70, 1) as integer) * $71 + cast(substr("r"."id_number", $72, 1) as integer) * $73 + cast(substr("r"."id_number", $74, 1) as integer) * $75
              else 0
            end
          ) % 11 + 1,
          1
        )
      ) then 1
      else 0
    end
  ) = 0
  and r.id > $76
order by
  r.id
limit
  $77;

-- audits/rules/identical-checkups.ts: candidates (default parameters)
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

-- audits/rules/arm-bp-difference.ts: candidates (default parameters)
select
  s.id,
  s.resident_id,
  s.type,
  s.service_date,
  s.org_code,
  s.county_code,
  s.institution,
  s.controlled,
  s.guidance,
  "s"."sbp",
  "s"."dbp",
  "s"."sbp_right",
  "s"."dbp_right",
  "s"."heart_rate",
  "s"."fasting_glucose",
  "s"."weight",
  "s"."waist"
from
  "services" as "s"
where
  (
    "s"."sbp" is not null
    and "s"."sbp_right" is not null
    and abs("s"."sbp" - "s"."sbp_right") > 10
  )
  and s.sbp is not null
  and s.sbp_right is not null
  and abs(s.sbp - s.sbp_right) > cast($1 as real)
  and "s"."service_date" >= $2
  and "s"."service_date" <= $3
  and "s"."county_code" = $4
order by
  s.id;

-- audits/rules/uncontrolled-without-guidance.ts: candidates (default parameters)
select
  s.id,
  s.resident_id,
  s.type,
  s.service_date,
  s.org_code,
  s.county_code,
  s.institution,
  s.controlled,
  s.guidance,
  "s"."sbp",
  "s"."dbp",
  "s"."sbp_right",
  "s"."dbp_right",
  "s"."heart_rate",
  "s"."fasting_glucose",
  "s"."weight",
  "s"."waist"
from
  "services" as "s"
where
  (
    "s"."controlled" = 0
    and (
      "s"."guidance" is null
      or "s"."guidance" = 0
    )
  )
  and s.type in ($1, $2)
  and s.controlled = 0
  and (
    s.guidance is null
    or s.guidance = 0
  )
  and "s"."service_date" >= $3
  and "s"."service_date" <= $4
  and "s"."county_code" = $5
order by
  s.id;

-- audits/rules/implausible-values.ts: candidates (default parameters)
select
  s.id,
  s.resident_id,
  s.type,
  s.service_date,
  s.org_code,
  s.county_code,
  s.institution,
  s.controlled,
  s.guidance,
  "s"."sbp",
  "s"."dbp",
  "s"."sbp_right",
  "s"."dbp_right",
  "s"."heart_rate",
  "s"."fasting_glucose",
  "s"."weight",
  "s"."waist"
from
  "services" as "s"
where
  (
    "s"."type" in (
      'hypertension_followup',
      'diabetes_followup',
      'elderly_checkup'
    )
    and (
      "s"."sbp" < 60
      or "s"."sbp" > 260
      or "s"."dbp" < 30
      or "s"."dbp" > 160
      or "s"."sbp_right" < 60
      or "s"."sbp_right" > 260
      or "s"."dbp_right" < 30
      or "s"."dbp_right" > 160
      or "s"."heart_rate" < 30
      or "s"."heart_rate" > 200
      or "s"."fasting_glucose" < 1.5
      or "s"."fasting_glucose" > 33.3
      or "s"."weight" < 25
      or "s"."weight" > 200
      or "s"."waist" < 40
      or "s"."waist" > 170
      or "s"."sbp" <= "s"."dbp"
      or "s"."sbp_right" <= "s"."dbp_right"
    )
  )
  and s.type in ($1, $2, $3)
  and (
    (
      "s"."sbp" < $4
      or "s"."sbp" > $5
    )
    or (
      "s"."dbp" < $6
      or "s"."dbp" > $7
    )
    or (
      "s"."sbp_right" < $8
      or "s"."sbp_right" > $9
    )
    or (
      "s"."dbp_right" < $10
      or "s"."dbp_right" > $11
    )
    or (
      "s"."heart_rate" < $12
      or "s"."heart_rate" > $13
    )
    or (
      "s"."fasting_glucose" < $14
      or "s"."fasting_glucose" > $15
    )
    or (
      "s"."weight" < $16
      or "s"."weight" > $17
    )
    or (
      "s"."waist" < $18
      or "s"."waist" > $19
    )
    or (s.sbp <= s.dbp)
    or (s.sbp_right <= s.dbp_right)
  )
  and "s"."service_date" >= $20
  and "s"."service_date" <= $21
  and "s"."county_code" = $22
order by
  s.id;
select
  s.id,
  s.resident_id,
  s.type,
  s.service_date,
  s.org_code,
  s.county_code,
  s.institution,
  s.controlled,
  s.guidance,
  "s"."sbp",
  "s"."dbp",
  "s"."sbp_right",
  "s"."dbp_right",
  "s"."heart_rate",
  "s"."fasting_glucose",
  "s"."weight",
  "s"."waist",
  r.birth_date,
  r.death_date,
  r.moved_out_date
from
  services s
  join residents r on r.id = s.resident_id
where
  1 = 1
  and "s"."service_date" >= $1
  and "s"."service_date" <= $2
  and "s"."county_code" = $3
  and (
    s.service_date < r.birth_date
    or s.service_date > r.death_date
    or s.service_date > r.moved_out_date
  )
order by
  s.id;
select
  s.id,
  s.resident_id,
  s.type,
  s.service_date,
  s.org_code,
  s.county_code,
  s.institution,
  s.controlled,
  s.guidance,
  "s"."sbp",
  "s"."dbp",
  "s"."sbp_right",
  "s"."dbp_right",
  "s"."heart_rate",
  "s"."fasting_glucose",
  "s"."weight",
  "s"."waist"
from
  services s
where
  s.service_date > $1
  and "s"."county_code" = $2
order by
  s.id;
select
  s.id
from
  "services" as "s"
where
  s.resident_id is not null
  and s.type in ($1, $2, $3, $4)
  and "s"."service_date" >= $5
  and "s"."service_date" <= $6
  and not exists (
    select
      1
    from
      enrollments e
    where
      e.resident_id = s.resident_id
      and e.program = case s.type
        when $7 then $8
        when $9 then $10
        when $11 then $12
        when $13 then $14
      end
      and e.start_date <= s.service_date
      and (
        e.end_date is null
        or e.end_date >= s.service_date
      )
  );
select
  id,
  prev_id,
  gap,
  resident_id
from
  (
    select
      x.id,
      x.prev_id,
      x.resident_id,
      ((x.service_date)::date - (x.prev_date)::date) as gap
    from
      (
        select
          s.id,
          s.service_date,
          s.resident_id,
          lag(s.id) over (
            partition by
              s.resident_id,
              s.type
            order by
              s.service_date,
              s.id
          ) as prev_id,
          lag(s.service_date) over (
            partition by
              s.resident_id,
              s.type
            order by
              s.service_date,
              s.id
          ) as prev_date
        from
          services s
        where
          s.resident_id is not null
          and s.type in ($1, $2, $3, $4, $5, $6, $7, $8, $9)
          and "s"."service_date" >= $10
          and "s"."service_date" <= $11
          and "s"."county_code" = $12
      ) x
    where
      x.prev_id is not null
  ) y
where
  gap <= $13;
select
  r.id,
  r.org_code,
  r.county_code,
  r.birth_date,
  r.record_created,
  r.death_date,
  r.moved_out_date
from
  "residents" as "r"
where
  (
    "r"."birth_date" > "r"."record_created"
    or "r"."death_date" < "r"."birth_date"
    or "r"."moved_out_date" < "r"."birth_date"
  )
  and "r"."county_code" = $1
order by
  r.id;

-- audits/rules/digit-preference.ts: candidates (default parameters)
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  sum(x.readings) as readings,
  sum(x.zero_five) as zero_five,
  sum(x.zero) as zero,
  sum(x.b130) as b130,
  sum(x.b140) as b140
from
  (
    select
      s.county_code as county_code,
      s.org_code as org_code,
      sum(
        case
          when s.sbp is not null then 1
          else 0
        end
      ) + sum(
        case
          when s.dbp is not null then 1
          else 0
        end
      ) as readings,
      sum(
        case
          when s.sbp % 5 = 0 then 1
          else 0
        end
      ) + sum(
        case
          when s.dbp % 5 = 0 then 1
          else 0
        end
      ) as zero_five,
      sum(
        case
          when s.sbp % 10 = 0 then 1
          else 0
        end
      ) + sum(
        case
          when s.dbp % 10 = 0 then 1
          else 0
        end
      ) as zero,
      sum(
        case
          when s.sbp between 130 and 139 then 1
          else 0
        end
      ) as b130,
      sum(
        case
          when s.sbp between 140 and 149 then 1
          else 0
        end
      ) as b140
    from
      services s
    where
      s.type in ($1, $2, $3)
      and "s"."service_date" >= $4
      and "s"."service_date" <= $5
      and "s"."county_code" = $6
    group by
      s.county_code,
      s.org_code
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code);

-- audits/rules/aggregate-outliers.ts: candidates (default parameters)
-- (17 times)
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      sum(
        case
          when s.sbp is not null
          and s.dbp is not null then 1
          else 0
        end
      ) as with_bp,
      sum(
        case
          when s.sbp is not null
          and s.dbp is not null
          and s.sbp < 140
          and s.dbp < 90 then 1
          else 0
        end
      ) as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date < $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      sum(
        case
          when s.sbp is not null
          and s.dbp is not null then 1
          else 0
        end
      ) as with_bp,
      sum(
        case
          when s.sbp is not null
          and s.dbp is not null
          and s.sbp < 140
          and s.dbp < 90 then 1
          else 0
        end
      ) as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date <= $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
-- (17 times)
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date < $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date <= $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
-- (17 times)
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date < $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date <= $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
-- (17 times)
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date < $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date <= $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
-- (17 times)
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date < $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;
select
  coalesce(o.township_code, x.org_code) as unit,
  min(x.county_code) as county_code,
  x.month as month,
  sum(x.services) as services,
  sum(x.with_bp) as with_bp,
  sum(x.controlled) as controlled
from
  (
    select
      min(s.county_code) as county_code,
      s.org_code as org_code,
      substr(s.service_date, 1, 7) as month,
      count(*) as services,
      0 as with_bp,
      0 as controlled
    from
      services s
    where
      s.type = $1
      and s.service_date >= $2
      and s.service_date <= $3
      and "s"."county_code" = $4
    group by
      s.org_code,
      substr(s.service_date, 1, 7)
  ) x
  left join orgs o on o.code = x.org_code
group by
  coalesce(o.township_code, x.org_code),
  x.month;

-- audits/rules/unused-records.ts: candidates (default parameters)
select
  r.county_code,
  r.org_code,
  count(*) as n
from
  residents r
where
  "r"."county_code" = $1
  and "r"."record_created" <= $2
  and (
    "r"."death_date" is null
    or "r"."death_date" > $3
  )
  and (
    "r"."moved_out_date" is null
    or "r"."moved_out_date" > $4
  )
  and coalesce(r.record_updated, r.record_created) <= $5
  and not exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.service_date > $6
      and s.service_date <= $7
  )
group by
  r.county_code,
  r.org_code;

-- audits/rules/unused-records.ts: selectUnusedRecords (the records of a finding, a page)
select
  count(*) as n
from
  residents r
where
  r.org_code = $1
  and "r"."record_created" <= $2
  and (
    "r"."death_date" is null
    or "r"."death_date" > $3
  )
  and (
    "r"."moved_out_date" is null
    or "r"."moved_out_date" > $4
  )
  and coalesce(r.record_updated, r.record_created) <= $5
  and not exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.service_date > $6
      and s.service_date <= $7
  );
select
  r.id,
  r.record_no,
  r.name,
  r.id_number,
  coalesce(r.record_updated, r.record_created) as record_updated,
  (
    select
      max(s.service_date)
    from
      services s
    where
      s.resident_id = r.id
      and s.service_date <= $1
  ) as last_service
from
  residents r
where
  r.org_code = $2
  and "r"."record_created" <= $3
  and (
    "r"."death_date" is null
    or "r"."death_date" > $4
  )
  and (
    "r"."moved_out_date" is null
    or "r"."moved_out_date" > $5
  )
  and coalesce(r.record_updated, r.record_created) <= $6
  and not exists (
    select
      1
    from
      services s
    where
      s.resident_id = r.id
      and s.service_date > $7
      and s.service_date <= $8
  )
order by
  r.record_no,
  r.id
limit
  $9
offset
  $10;

-- audits/rules/candidate-repository.ts: inWindow
-- (no statement: builds the window condition the candidate queries embed)

-- audits/rules/candidate-repository.ts: activeAt
-- (no statement: builds the "active at" condition the candidate queries embed)

-- audits/rules/candidate-repository.ts: toServiceRow
-- (no statement: converts a row read)

-- audits/rules/candidate-repository.ts: selectServices
select
  s.id,
  s.resident_id,
  s.type,
  s.service_date,
  s.org_code,
  s.county_code,
  s.institution,
  s.controlled,
  s.guidance,
  "s"."sbp",
  "s"."dbp",
  "s"."sbp_right",
  "s"."dbp_right",
  "s"."heart_rate",
  "s"."fasting_glucose",
  "s"."weight",
  "s"."waist"
from
  services s
where
  "s"."service_date" >= $1
  and "s"."service_date" <= $2
order by
  s.id;

-- audits/finding-repository.ts: selectFindings
select
  count(*) as n
from
  audit_findings f
where
  "f"."county_code" = $1
  and f.status <> 'closed';
select
  f.*,
  o.name as org_name,
  r.record_no,
  r.name,
  r.id_number,
  s.type as service_type,
  s.service_date
from
  audit_findings f
  left join orgs o on o.code = f.org_code
  left join residents r on r.id = f.resident_id
  left join services s on s.id = f.service_id
where
  "f"."county_code" = $1
  and f.status <> 'closed'
order by
  f.org_code,
  f.rule,
  f.id
limit
  $2
offset
  $3;

-- audits/finding-repository.ts: selectFindingsAfter
select
  f.*,
  o.name as org_name,
  r.record_no,
  r.name,
  r.id_number,
  s.type as service_type,
  s.service_date
from
  audit_findings f
  left join orgs o on o.code = f.org_code
  left join residents r on r.id = f.resident_id
  left join services s on s.id = f.service_id
where
  "f"."county_code" = $1
  and f.rule = $2
  and f.status = $3
  and f.id > $4
order by
  f.id
limit
  $5;

-- audits/finding-repository.ts: selectFinding
select
  f.*,
  o.name as org_name,
  r.record_no,
  r.name,
  r.id_number,
  s.type as service_type,
  s.service_date
from
  audit_findings f
  left join orgs o on o.code = f.org_code
  left join residents r on r.id = f.resident_id
  left join services s on s.id = f.service_id
where
  f.id = $1
  and "f"."county_code" = $2;

-- audits/finding-repository.ts: selectFindingPlace
select
  "org_code",
  "county_code"
from
  "audit_findings"
where
  "id" = $1;

-- audits/finding-repository.ts: setFindingResolution
update "audit_findings"
set
  "status" = $1,
  "resolved_by" = $2,
  "resolved_at" = $3,
  "resolution_note" = $4
where
  "id" = $5;

-- audits/finding-repository.ts: selectOrgRuleCounts
select
  org_code,
  rule,
  severity,
  count(*) as n,
  sum(weight) as affected
from
  audit_findings
where
  status <> 'closed'
  and 1 = 1
  and "county_code" = $1
group by
  org_code,
  rule,
  severity;
select
  c.org_code,
  c.rule,
  c.severity,
  c.count as n,
  c.affected
from
  audit_run_counts c
  left join orgs o on o.code = c.org_code
where
  c.run_id = $1
  and rule = $2
  and "o"."county_code" = $3;

-- audits/finding-repository.ts: selectNamedOrgs
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
  "o"."code" in ($1, $2);

-- audits/finding-repository.ts: selectOrgsBelow
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
  and "o"."level" <= $2
  and "o"."county_code" = $3;

-- audits/finding-repository.ts: selectInstitutionCounts
select
  s.institution,
  min(f.county_code) as county_code,
  count(*) as n
from
  audit_findings f
  join services s on s.id = f.service_id
where
  f.rule = $1
  and f.status <> 'closed'
  and s.institution is not null
  and "f"."county_code" = $2
group by
  s.institution
order by
  count(*) desc,
  s.institution
limit
  $3;

-- audits/merge-repository.ts: selectResidentsById
select
  *
from
  "residents" as "r"
where
  "r"."id" in ($1, $2)
  and "r"."county_code" = $3
order by
  "r"."id";

-- audits/merge-repository.ts: countRecordsOf
select
  count(*) as "n"
from
  "enrollments"
where
  "resident_id" in ($1, $2);
select
  count(*) as "n"
from
  "services"
where
  "resident_id" in ($1, $2);

-- audits/merge-repository.ts: selectEnrollmentsOf
select
  *
from
  "enrollments"
where
  "resident_id" in ($1, $2);

-- audits/merge-repository.ts: selectServiceKeysOf
select
  "id",
  "service_key",
  "resident_id"
from
  "services"
where
  "resident_id" in ($1, $2);

-- audits/merge-repository.ts: existingServiceKeys
select
  "service_key"
from
  "services"
where
  "service_key" in ($1);

-- audits/merge-repository.ts: moveService
update "services"
set
  "resident_id" = $1
where
  "id" = $2;

-- audits/merge-repository.ts: moveEnrollment
update "enrollments"
set
  "resident_id" = $1,
  "county_code" = $2
where
  "id" = $3;

-- audits/merge-repository.ts: completeEnrollment
update "enrollments"
set
  "end_date" = $1,
  "end_reason" = $2,
  "detail" = $3
where
  "id" = $4;

-- audits/merge-repository.ts: deleteEnrollments
delete from "enrollments"
where
  "id" in ($1);

-- audits/merge-repository.ts: updateSurvivor
update "residents"
set
  "phone" = $1
where
  "id" = $2;

-- audits/merge-repository.ts: retargetFindingsAfterMerge
update "audit_findings"
set
  "resident_id" = $1
where
  "resident_id" in ($2)
  and "service_id" is not null;
update "audit_findings"
set
  "status" = $1,
  "closed_at" = $2
where
  "resident_id" in ($3)
  and "service_id" is null
  and "status" <> $4;

-- audits/merge-repository.ts: deleteResidents
delete from "residents"
where
  "id" in ($1);

-- audits/merge-repository.ts: insertMergeLog
insert into
  "audit_merges" (
    "merged_at",
    "merged_by",
    "county_code",
    "org_code",
    "finding_id",
    "survivor_id",
    "survivor_record_no",
    "absorbed_record_nos",
    "field_sources",
    "before",
    "moved_enrollments",
    "dropped_enrollments",
    "moved_services",
    "rekeyed_services"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
returning
  "id";

-- audits/merge-repository.ts: selectMergeLog
select
  *
from
  audit_merges m
where
  "m"."county_code" = $1
order by
  m.id desc
limit
  $2;
select
  *
from
  audit_merges m
where
  "m"."county_code" = $1
  and m.id = $2
order by
  m.id desc
limit
  $3;
