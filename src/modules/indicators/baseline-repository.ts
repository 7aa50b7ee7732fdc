/**
 * The plain SQL recomputation of every term straight from residents, enrolments and
 * services: no maintained facts. It is the benchmark's baseline and the oracle of the
 * property test, so it is written independently of the term masks in src/domain.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { addMonthsIso, monthsElapsed, type Period } from '../../domain/periods/period.js';
import { requiredFollowups, type IndicatorParameters } from '../../domain/indicators/parameters.js';
import {
  ACTIVITY_SERVICE_READS,
  ACTIVITY_TERM_FAMILY,
  ACTIVITY_TERMS,
  PERSON_SERVICE_READS,
} from '../../domain/indicators/terms.js';
import type { ServiceReads } from '../../domain/indicators/service-reads.js';
import {
  VACCINATION_COHORT_MONTHS_BELOW,
  vaccineDoseAges,
  VACCINES,
} from '../../domain/indicators/vaccines.js';
import { TCM_CHILD_COHORT_MONTHS_BELOW } from '../../domain/indicators/term-families/child.js';
import { ELDERLY_AGE, KEY_POPULATIONS } from '../../domain/contracts/contract-rules.js';
import { SERVICE_PACKAGES } from '../../domain/contracts/service-packages.js';
import { orgsInScope, type OrgScope } from '../orgs/org-scope.js';

type Cond = RawBuilder<unknown>;

/**
 * A payload field the rules declare (src/domain/indicators/term-families/): the oracle reads
 * only what the engine loads, so a field the terms stop declaring fails here, not silently.
 */
function declaredField(reads: ServiceReads, type: string, field: string): string {
  if (!reads.payloadFields.get(type)?.has(field))
    throw new Error(`no term family declares reading ${type}.${field}`);
  return field;
}

/**
 * Whole months back from E (HEARTS windows, the vaccination cohorts), written apart from the engine's rule: at a month end, the day
 * before the first day of the month `months − 1` before (30 June, 3 → 31 March); on the 10th
 * or 20th, the same day `months` before.
 */
function heartsMonthsBefore(E: string, months: number): string {
  const [y, m, d] = E.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  if (next.getUTCDate() !== 1) return addMonthsIso(E, -months);
  return new Date(Date.UTC(y, m - months, 1) - 86_400_000).toISOString().slice(0, 10);
}

/** Counts per org of residents matching `cond` (alias r), within the scope. */
async function countResidents(db: Db, scope: OrgScope, cond: Cond): Promise<{ code: string; n: number }[]> {
  const result = await sql<{ code: string; n: number }>`
    select r.org_code as code, count(*) as n
    from residents r join orgs o on o.code = r.org_code
    where ${orgsInScope(scope, 'o')} and ${cond}
    group by r.org_code`.execute(db.kysely);
  return result.rows.map((row) => ({ code: row.code, n: Number(row.n) }));
}

/**
 * Every person term's count per org of the scope at the period end, plus the
 * health-education activity terms, by plain SQL over the raw rows.
 */
export async function baselineTermCounts(
  db: Db,
  scope: OrgScope,
  period: Period,
  terms: readonly string[],
  p: IndicatorParameters,
): Promise<{ code: string; term: string; n: number }[]> {
  const E = period.end;
  const ytd = period.ytdStart;
  const months = monthsElapsed(period.endSlot);
  const present = sql`(r.death_date is null or r.death_date > ${E}) and (r.moved_out_date is null or r.moved_out_date > ${E})`;
  const active = (program: string): Cond =>
    sql`exists (select 1 from enrollments e where e.resident_id = r.id and e.program = ${program}
      and e.start_date <= ${E} and (e.end_date is null or e.end_date > ${E}))`;
  const managed = (program: string): Cond => sql`${present} and ${active(program)}`;
  const has = (type: string, from: string | null, fromInclusive = true): Cond =>
    from === null
      ? sql`exists (select 1 from services s where s.resident_id = r.id and s.type = ${type} and s.service_date <= ${E})`
      : fromInclusive
        ? sql`exists (select 1 from services s where s.resident_id = r.id and s.type = ${type} and s.service_date >= ${from} and s.service_date <= ${E})`
        : sql`exists (select 1 from services s where s.resident_id = r.id and s.type = ${type} and s.service_date > ${from} and s.service_date <= ${E})`;
  const countYtd = (type: string): Cond =>
    sql`(select count(*) from services s where s.resident_id = r.id and s.type = ${type} and s.service_date >= ${ytd} and s.service_date <= ${E})`;
  const latestYtd = (type: string, expr: Cond): Cond =>
    sql`(select ${expr} from services s where s.resident_id = r.id and s.type = ${type}
      and s.service_date >= ${ytd} and s.service_date <= ${E} order by s.service_date desc, s.id desc limit 1)`;
  const bpOk = sql`(s.sbp < ${p.controlledSystolicBelow} and s.dbp < ${p.controlledDiastolicBelow})`;
  // The national limits: 150/90 from the 65th birthday (birth year + 65, same month and day) on.
  // The age is cast: SQLite binds a JS number as a real, and 1955 + 65.0 reads '2020.0'.
  const elderlyAtVisit = sql`(r.birth_date is not null
      and cast(cast(substr(r.birth_date, 1, 4) as integer) + cast(${p.controlledElderlyAgeFrom} as integer) as text)
      || substr(r.birth_date, 5) <= s.service_date)`;
  const nationalBpOk = sql`(case when ${elderlyAtVisit}
      then s.sbp < ${p.controlledElderlySystolicBelow} and s.dbp < ${p.controlledElderlyDiastolicBelow}
      else s.sbp < ${p.controlledSystolicBelow} and s.dbp < ${p.controlledDiastolicBelow} end)`;
  // 1 controlled, 2 uncontrolled with guidance, 0 uncontrolled without; no measured BP is not controlled.
  const htnStatus = sql`case when s.sbp is not null and s.dbp is not null and ${nationalBpOk} then 1
      when s.guidance = 1 then 2 else 0 end`;
  const dmStatus = sql`case when s.fasting_glucose is not null
      then case when s.fasting_glucose < ${p.controlledGlucoseBelow} then 1 when s.guidance = 1 then 2 else 0 end
      when s.controlled = 1 then 1 when s.guidance = 1 then 2 else 0 end`;
  const json = (type: string, key: string): Cond =>
    db.dialect.jsonText('s.payload', declaredField(PERSON_SERVICE_READS, type, key));
  const required = requiredFollowups(p.standardizedFollowupsPerYear, months);

  const conds: Record<string, () => Cond> = {
    'records.total': () => sql`${present} and r.record_created <= ${E}`,
    'records.electronic': () => sql`${present} and r.record_created <= ${E} and r.electronic = 1`,
    'records.used': () =>
      sql`${present} and r.record_created <= ${E} and exists (select 1 from services s where s.resident_id = r.id
        and s.service_date > ${addMonthsIso(E, -p.recordUseMonths)} and s.service_date <= ${E})`,
    'elderly.managed': () => managed('elderly'),
    'elderly.checked_up': () => sql`${managed('elderly')} and ${has('elderly_checkup', ytd)}`,
    'elderly.tcm': () => sql`${managed('elderly')} and ${has('tcm_elderly', ytd)}`,
  };
  const chronic = (program: string, type: string, status: Cond): void => {
    conds[`${program}.managed`] = () => managed(program);
    conds[`${program}.followup2`] = () =>
      sql`${managed(program)} and ${countYtd(type)} >= ${p.followupRateMinimum}`;
    conds[`${program}.effective`] = () => sql`${managed(program)} and ${countYtd(type)} >= ${required}`;
    conds[`${program}.controlled`] = () => sql`${managed(program)} and ${latestYtd(type, status)} = 1`;
    conds[`${program}.uncontrolled`] = () =>
      sql`${managed(program)} and ${latestYtd(type, status)} in (0, 2)`;
    conds[`${program}.guided`] = () => sql`${managed(program)} and ${latestYtd(type, status)} = 2`;
  };
  chronic('hypertension', 'hypertension_followup', htnStatus);
  chronic('diabetes', 'diabetes_followup', dmStatus);

  const registeredBy = heartsMonthsBefore(E, p.heartsRegisteredMonths);
  const windowFrom = heartsMonthsBefore(E, p.heartsVisitWindowMonths);
  const lostFrom = heartsMonthsBefore(E, p.heartsLostMonths);
  const heartsEnrolment = (registeredAfter: string | null): Cond =>
    sql`exists (select 1 from enrollments e where e.resident_id = r.id and e.program = 'hypertension'
      and e.start_date <= ${E} and (e.end_date is null or e.end_date > ${E}) and e.start_date <= ${registeredBy}
      ${registeredAfter === null ? sql`` : sql`and e.start_date > ${registeredAfter}`})`;
  const cohort = sql`${present} and ${heartsEnrolment(null)}`;
  const visitTypes = sql`s.type in ('hypertension_followup', 'diabetes_followup', 'elderly_checkup')`;
  const visitSince = (from: string): Cond =>
    sql`exists (select 1 from services s where s.resident_id = r.id and ${visitTypes}
      and s.service_date > ${from} and s.service_date <= ${E})`;
  // Registration within the 12 months is a contact.
  const underCare = sql`${cohort} and (${visitSince(lostFrom)} or ${heartsEnrolment(lostFrom)})`;
  const latestBp = sql`(select case when ${bpOk} then 1 else 0 end from services s where s.resident_id = r.id
      and ${visitTypes} and s.service_date > ${windowFrom} and s.service_date <= ${E}
      and s.sbp is not null and s.dbp is not null order by s.service_date desc, s.id desc limit 1)`;
  const bpInWindow = sql`exists (select 1 from services s where s.resident_id = r.id and ${visitTypes}
      and s.service_date > ${windowFrom} and s.service_date <= ${E} and s.sbp is not null and s.dbp is not null)`;
  Object.assign(conds, {
    'hypertension.hearts_cohort': () => cohort,
    'hypertension.hearts_under_care': () => underCare,
    'hypertension.hearts_controlled': () => sql`${underCare} and ${latestBp} = 1`,
    'hypertension.hearts_uncontrolled': () => sql`${underCare} and ${latestBp} = 0`,
    'hypertension.hearts_no_bp': () => sql`${underCare} and ${visitSince(windowFrom)} and not ${bpInWindow}`,
    'hypertension.hearts_missed': () => sql`${underCare} and not ${visitSince(windowFrom)}`,
    'hypertension.hearts_ltfu': () => sql`${cohort} and not (${underCare})`,
  } satisfies Record<string, () => Cond>);

  const maternal = sql`${present} and exists (select 1 from enrollments e where e.resident_id = r.id and e.program = 'maternal'
      and e.start_date <= ${E} and (e.end_date is null or e.end_date >= ${ytd}))`;
  const earlyReg = sql`exists (select 1 from services s where s.resident_id = r.id and s.type = 'prenatal_registration'
      and s.service_date <= ${E} and cast(${json('prenatal_registration', 'gestationalWeeks')} as integer) < ${p.earlyPregnancyWeeksBelow})`;
  Object.assign(conds, {
    'maternal.managed': () => maternal,
    'maternal.early_registered': () => sql`${maternal} and ${earlyReg}`,
    'maternal.postpartum_visited': () => sql`${maternal} and ${has('postpartum_visit', null)}`,
    'maternal.closed_42d': () => sql`${maternal} and ${has('postpartum_42d', ytd)}`,
    'maternal.effective': () =>
      sql`${maternal} and ${has('prenatal_registration', null)} and ${has('postpartum_visit', null)}`,
  } satisfies Record<string, () => Cond>);

  const child = managed('child');
  const newborn = sql`${child} and r.birth_date >= ${ytd} and r.birth_date <= ${E}`;
  const under3 = sql`${child} and r.birth_date > ${addMonthsIso(E, -p.childSystematicAgeMonths)} and r.birth_date <= ${E}`;
  // 0–36 months: not yet 37 months old at E (born after the 37-month cut-off).
  const tcmCohort = sql`${child} and r.birth_date <= ${E}
    and r.birth_date > ${heartsMonthsBefore(E, TCM_CHILD_COHORT_MONTHS_BELOW)}`;
  Object.assign(conds, {
    'child.managed': () => child,
    'child.followed': () => sql`${child} and (${has('child_visit', ytd)} or ${has('newborn_visit', ytd)})`,
    'child.checked': () => sql`${child} and ${has('child_visit', ytd)}`,
    'child.newborn': () => newborn,
    'child.newborn_visited': () => sql`${newborn} and ${has('newborn_visit', null)}`,
    'child.under3': () => under3,
    'child.systematic': () =>
      sql`${under3} and ${countYtd('child_visit')} >= ${requiredFollowups(p.childSystematicVisitsPerYear, months)}`,
    'child.tcm_cohort': () => tcmCohort,
    'child.tcm': () => sql`${tcmCohort} and ${has('tcm_child', ytd)}`,
  } satisfies Record<string, () => Cond>);
  // A vaccine's cohort: born by the cut-off of its first dose's age, not by that of 7 years.
  // The cut-off is the latest birth date that has reached the age on E (whole months back, a
  // month end to the month end), where the engine adds the months to each birth date.
  const bornBy = (months: number): Cond => sql`r.birth_date <= ${heartsMonthsBefore(E, months)}`;
  for (const v of VACCINES) {
    const ages = vaccineDoseAges(v.id);
    const cohort = sql`${child} and r.birth_date is not null and ${bornBy(ages[0]!)}
      and not ${bornBy(VACCINATION_COHORT_MONTHS_BELOW)}`;
    const due = sql.join(
      ages.map((age) => sql`(case when ${bornBy(age)} then 1 else 0 end)`),
      sql` + `,
    );
    const dose = sql`coalesce(max(cast(${json('vaccination', 'dose')} as integer)), 0)`;
    const received = sql`(select case when count(*) > ${dose} then count(*) else ${dose} end
      from services s where s.resident_id = r.id and s.type = 'vaccination' and s.service_date <= ${E}
      and lower(trim(${json('vaccination', 'vaccine')})) in (${sql.join(v.aliases.map((a) => sql`${a}`))}))`;
    conds[`vaccination.${v.id}_due`] = () => cohort;
    conds[`vaccination.${v.id}`] = () => sql`${cohort} and ${received} >= ${due}`;
  }
  Object.assign(conds, {
    'tuberculosis.managed': () => managed('tuberculosis'),
    'tuberculosis.followed': () => sql`${managed('tuberculosis')} and ${has('tb_followup', ytd)}`,
    'tuberculosis.regular': () =>
      sql`${managed('tuberculosis')} and ${latestYtd('tb_followup', sql`cast(${json('tb_followup', 'medicationRegular')} as text)`)} in ('1', 'true')`,
    'severe_mental.managed': () => managed('severe_mental'),
    'severe_mental.followed': () => sql`${managed('severe_mental')} and ${has('mental_followup', ytd)}`,
    'severe_mental.effective': () =>
      sql`${managed('severe_mental')} and ${countYtd('mental_followup')} >= ${required}`,
  } satisfies Record<string, () => Cond>);

  Object.assign(conds, contractConds(present, E, ytd));

  const out: { code: string; term: string; n: number }[] = [];
  for (const term of terms) {
    if (term === 'records.duplicate') {
      const result = await sql<{ code: string; n: number }>`
        select x.org_code as code, count(*) as n from (
          select r.org_code, row_number() over (partition by upper(trim(r.id_number)) order by r.id) as rn
          from residents r
          where ${present} and r.record_created <= ${E} and r.id_number is not null and trim(r.id_number) <> ''
        ) x join orgs o on o.code = x.org_code
        where x.rn > 1 and ${orgsInScope(scope, 'o')}
        group by x.org_code`.execute(db.kysely);
      for (const row of result.rows) out.push({ code: row.code, term, n: Number(row.n) });
      continue;
    }
    if (ACTIVITY_TERMS.includes(term)) continue;
    const cond = conds[term];
    if (!cond) throw new Error(`baseline has no rule for term '${term}'`);
    for (const row of await countResidents(db, scope, cond())) out.push({ ...row, term });
  }

  const activityTerms = terms.filter((t) => ACTIVITY_TERMS.includes(t));
  if (activityTerms.length > 0) {
    const type = ACTIVITY_TERM_FAMILY.reads.type;
    const kind = db.dialect.jsonText(
      's.payload',
      declaredField(ACTIVITY_SERVICE_READS, type, 'activityKind'),
    );
    const participants = db.dialect.jsonText(
      's.payload',
      declaredField(ACTIVITY_SERVICE_READS, type, 'participants'),
    );
    // Grouped outside: PostgreSQL does not see two bound copies of the JSON path as one expression.
    const result = await sql<{ code: string; kind: string | null; n: number; participants: number | null }>`
      select x.code, x.kind, count(*) as n, sum(x.participants) as participants from (
        select s.org_code as code, ${kind} as kind, cast(${participants} as integer) as participants
        from services s join orgs o on o.code = s.org_code
        where s.type = ${type} and s.resident_id is null and s.service_date >= ${ytd}
          and s.service_date <= ${E} and ${orgsInScope(scope, 'o')}
      ) x
      group by x.code, x.kind`.execute(db.kysely);
    const add = (code: string, term: string, n: number): void => {
      if (activityTerms.includes(term)) out.push({ code, term, n });
    };
    for (const row of result.rows) {
      add(row.code, 'health_education.activities', Number(row.n));
      if (row.kind) add(row.code, `health_education.${row.kind}`, Number(row.n));
      add(row.code, 'health_education.participants', Number(row.participants ?? 0));
    }
  }
  return out;
}

/**
 * The family-doctor contract terms (ADR 0018) over `family_doctor_contracts`, written apart
 * from `contractTermsAt`: the holding contract is the latest signed (then the latest stored)
 * of those signed by E, ending on or after E and not terminated by E; groups at E are read
 * from the birth date and the enrolments, disabled from the holding contract's flags.
 */
function contractConds(present: Cond, E: string, ytd: string): Record<string, () => Cond> {
  const known = sql`${present} and r.record_created <= ${E}`;
  const holdingId = sql`(select c.id from family_doctor_contracts c where c.resident_id = r.id
      and c.signed_date <= ${E} and c.end_date >= ${E} and (c.terminated_date is null or c.terminated_date > ${E})
      order by c.signed_date desc, c.id desc limit 1)`;
  const holding = (cond: Cond): Cond =>
    sql`exists (select 1 from family_doctor_contracts h where h.id = ${holdingId} and ${cond})`;
  const flagged = (g: string): Cond => sql`h.key_populations like ${`%|${g}|%`}`;
  // Birthdays as text: the year plus n, the same month and day (29 February: counted from 1 March).
  const reached = (years: number): Cond =>
    sql`(r.birth_date is not null and cast(cast(substr(r.birth_date, 1, 4) as integer) + cast(${years} as integer) as text)
      || substr(r.birth_date, 5) <= ${E})`;
  const enrolled = (g: string): Cond => sql`exists (select 1 from enrollments e where e.resident_id = r.id
      and e.program = ${g} and e.start_date <= ${E} and (e.end_date is null or e.end_date > ${E}))`;
  const inGroup: Record<string, Cond> = {
    elderly: reached(ELDERLY_AGE),
    // Under 7 by age, or in the child programme.
    child: sql`((r.birth_date <= ${E} and not ${reached(7)}) or ${enrolled('child')})`,
    disabled: holding(flagged('disabled')),
  };
  for (const g of KEY_POPULATIONS) inGroup[g] ??= enrolled(g);
  const keyFor = (g: string): Cond => sql`(${inGroup[g]!} and ${holding(flagged(g))})`;
  const anyOf = (parts: Cond[]): Cond => sql`(${sql.join(parts, sql` or `)})`;
  // 履约: per package, every requirement met by a service from max(signing, 1 January) to E.
  const delivered = sql.join(
    SERVICE_PACKAGES.map(
      (pkg) =>
        sql`(h.package_code = ${pkg.code} and ${sql.join(
          pkg.requirements.map(
            (req) => sql`exists (select 1 from services s where s.resident_id = r.id
            and s.type in (${sql.join(req.anyOf.map((t) => sql`${t}`))})
            and s.service_date >= h.signed_date and s.service_date >= ${ytd} and s.service_date <= ${E})`,
          ),
          sql` and `,
        )})`,
    ),
    sql` or `,
  );
  const due = sql`from family_doctor_contracts d where d.resident_id = r.id
      and (d.terminated_date is null or d.terminated_date > d.end_date)
      and d.end_date >= ${ytd} and d.end_date <= ${E}`;
  const conds: Record<string, () => Cond> = {
    'contract.active': () => sql`${known} and ${holdingId} is not null`,
    'contract.key_any': () => sql`${known} and ${anyOf(KEY_POPULATIONS.map(keyFor))}`,
    'keypop.any': () => sql`${known} and ${anyOf(KEY_POPULATIONS.map((g) => inGroup[g]!))}`,
    'contract.due': () => sql`${known} and exists (select 1 ${due})`,
    'contract.renewed': () =>
      // A successor is the resident's own contract (previousContract in contract-rules): read
      // through the resident's index, not a scan of every contract per due one.
      sql`${known} and exists (select 1 ${due} and exists (select 1 from family_doctor_contracts n
        where n.resident_id = r.id and n.previous_contract_id = d.id and n.signed_date <= ${E}))`,
    'contract.fulfilled': () => sql`${known} and ${holding(sql`(${delivered})`)}`,
  };
  for (const g of KEY_POPULATIONS) {
    conds[`contract.key.${g}`] = () => sql`${known} and ${keyFor(g)}`;
    conds[`keypop.${g}`] = () => sql`${known} and ${inGroup[g]!}`;
  }
  return conds;
}
