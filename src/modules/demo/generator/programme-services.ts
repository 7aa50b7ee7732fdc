/**
 * The enrolments and services of each programme in one village, with the plan's exact
 * quotas: elderly check-ups (identical clusters and arm-BP differences planted), chronic
 * follow-ups, maternal registrations and visits, child visits and vaccinations, tuberculosis
 * and severe mental disorder follow-ups. Each writer draws from the village's random stream;
 * the village generator calls them in a fixed order, so the same seed gives the same rows.
 */
import { NATIONAL_IMMUNISATION_SCHEDULE } from '../../../domain/due/parameters.js';
import { VACCINES } from '../../../domain/indicators/vaccines.js';
import type { ServiceInput } from '../../../domain/records/inputs.js';
import type { ServicePayload } from '../../../domain/records/service-payloads.js';
import { ARM_BP_OVER_20_SHARE } from './calibration.js';
import { birthdayAt, dayOf, isoOf, monthsBetween } from './calendar.js';
import {
  KEY_CHECKUP_VALUES,
  checkupValues,
  followupGlucose,
  followupPressure,
  type CheckupValues,
} from './measurements.js';
import type { DemoRandom } from './random.js';
import {
  AS_OF,
  FIRST_VISIT_DAY,
  LAST_VISIT_DAY,
  YEAR_START,
  Y2020,
  checkupDay,
  followupDays,
} from './service-days.js';
import type { ServiceBuilder, VillageDraw } from './village-draw.js';

/** Chinese names as clinics write them, by the schedule's vaccine ids. */
const VACCINE_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  VACCINES.map((v) => [v.id, v.name.zh]),
);
/** Share of children given no vaccination at all (hard to reach, or vaccinated elsewhere unrecorded). */
const UNVACCINATED_SHARE = 0.02;
/** Chance that a vaccinated child has a given dose of its age recorded. */
const DOSE_COVERAGE = 0.96;
/** Average days in a month, to place a dose due at an age in months. */
const DAYS_PER_MONTH = 30.44;

/**
 * Elderly check-ups: this year's for the checked (identical clusters first, then arm-BP
 * differences), last year's for some.
 */
export function writeElderlyCheckups(
  draw: VillageDraw,
  elderlyManaged: readonly number[],
  hypertensiveSet: ReadonlySet<number>,
  diabeticSet: ReadonlySet<number>,
): void {
  const { r, plan, people, out, service, enrol, touch } = draw;
  const clusters = clusterSizes(plan.elderly.identical);
  let member = 0;
  const templates: { keys: Set<string>; values: CheckupValues }[] = clusters.map(() => {
    const keyCount = r.weighted([0.5, 0.3, 0.2]) + 4;
    const keys = new Set(r.shuffled(KEY_CHECKUP_VALUES).slice(0, keyCount));
    return { keys, values: checkupValues(r, r.chance(0.5), r.chance(0.4), false, 'none') };
  });
  const clusterOf: number[] = clusters.flatMap((size, c) => new Array<number>(size).fill(c));
  elderlyManaged.forEach((i, k) => {
    const p = people[i]!;
    const start = Math.max(p.created, birthdayAt(p.birthDay, 65));
    enrol(i, 'elderly', start);
    if (start <= dayOf('2019-04-01') && r.chance(0.45)) {
      const day = r.int(Math.max(start, dayOf('2019-04-01')), dayOf('2019-11-30'));
      out.services.push(
        service(
          'elderly_checkup',
          p.recordNo,
          day,
          checkupValues(r, p.male, hypertensiveSet.has(i), diabeticSet.has(i), 'none'),
        ),
      );
      touch(i, day);
    }
    if (k >= plan.elderly.checked) return;
    let day = checkupDay(r);
    if (day < start) day = start + r.int(0, Math.max(0, AS_OF - start));
    const identical = k < plan.elderly.identical;
    const arm = !identical && k < plan.elderly.identical + plan.elderly.armDiff;
    const values = checkupValues(
      r,
      p.male,
      hypertensiveSet.has(i),
      diabeticSet.has(i),
      arm ? (r.chance(ARM_BP_OVER_20_SHARE) ? 'over20' : 'over10') : 'none',
    );
    if (identical) {
      const template = templates[clusterOf[member]!]!;
      member += 1;
      const ownArmDifference = values.sbpRight - values.sbp;
      const target = values as unknown as Record<string, number>;
      for (const key of template.keys) target[key] = template.values[key as keyof CheckupValues] as number;
      // Copying the left-arm systolic must not plant an arm difference as well.
      values.sbpRight = values.sbp + ownArmDifference;
      draw.planted.identicalCheckups += 1;
    }
    if (arm) draw.planted.armBpDifferences += 1;
    out.services.push(service('elderly_checkup', p.recordNo, day, values));
    touch(i, day);
  });
}

/** Hypertension or diabetes follow-ups: last year's, and this year's by the plan's quotas. */
export function writeChronicFollowups(
  draw: VillageDraw,
  program: 'hypertension' | 'diabetes',
  patients: readonly number[],
  guidanceRate: number,
): void {
  const { r, plan, people, out, service, enrol, touch } = draw;
  const q = plan[program];
  const shuffled = r.shuffled(patients);
  const withFollowup = shuffled.slice(0, q.followup1);
  const controlledLatest = new Set(r.shuffled(withFollowup).slice(0, q.controlled));
  const uncontrolledLatest = withFollowup.filter((i) => !controlledLatest.has(i));
  const guidedLatest = new Set(r.shuffled(uncontrolledLatest).slice(0, q.guided));
  shuffled.forEach((i, k) => {
    const p = people[i]!;
    const start = r.int(Math.max(p.created, dayOf('2010-01-01')), Math.max(p.created, dayOf('2019-12-20')));
    enrol(i, program, start);
    const days: number[] = [];
    if (start <= dayOf('2019-10-01')) days.push(r.int(dayOf('2019-10-08'), dayOf('2019-12-28')));
    const count = k < q.followup2 ? (r.chance(0.3) ? 3 : 2) : k < q.followup1 ? 1 : 0;
    // Every other patient without a follow-up this year was not seen last year either: lost to
    // follow-up for HEARTS (no visit in 12 months), as some always are. The visit is still
    // drawn and discarded, so that the rest of the city stays what the seed made it.
    const unseenLastYear = count === 0 && (k - q.followup1) % 2 === 0;
    days.push(...followupDays(r, count));
    days.forEach((day, d) => {
      const latest = d === days.length - 1 && day >= YEAR_START;
      const controlled = latest ? controlledLatest.has(i) : r.chance(0.65);
      const guidance = latest
        ? controlled
          ? r.chance(0.5)
          : guidedLatest.has(i)
        : controlled
          ? r.chance(0.5)
          : r.chance(guidanceRate);
      // By phone (no BP) only where the plan's control at the latest follow-up stays true.
      const phoneAllowed = !latest || !controlled;
      const drawn = chronicFollowup(
        program,
        r,
        p.recordNo,
        day,
        controlled,
        guidance,
        plan.digitPreference,
        service,
        phoneAllowed,
      );
      if (unseenLastYear) return;
      out.services.push(drawn);
      touch(i, day);
    });
  });
}

/**
 * Maternal: registered, delivered with a postpartum visit (some closed at 42 days), or
 * still pregnant.
 */
export function writeMaternalServices(draw: VillageDraw, mothers: readonly number[]): void {
  const { r, plan, people, out, service, enrol, touch } = draw;
  r.shuffled(mothers).forEach((i, k) => {
    const p = people[i]!;
    const weeks = r.int(7, 16);
    if (k < plan.maternal.service) {
      const closed = k < plan.maternal.closed42d;
      const delivery = closed
        ? r.int(dayOf('2019-11-22'), Y2020('05-10'))
        : r.int(YEAR_START, Y2020('06-22'));
      const registration = delivery - (40 - weeks) * 7;
      const visit = delivery + r.int(3, 7);
      const closedDay = closed ? Math.max(delivery + r.int(42, 49), YEAR_START) : null;
      enrol(
        i,
        'maternal',
        registration,
        { deliveryDate: isoOf(delivery) },
        closedDay,
        closed ? '产后42天结案' : null,
      );
      out.services.push(
        service('prenatal_registration', p.recordNo, registration, { gestationalWeeks: weeks }),
      );
      out.services.push(service('postpartum_visit', p.recordNo, visit, { deliveryDate: isoOf(delivery) }));
      touch(i, visit);
      if (closedDay !== null) {
        out.services.push(
          service('postpartum_42d', p.recordNo, closedDay, { deliveryDate: isoOf(delivery), closed: true }),
        );
        touch(i, closedDay);
      }
    } else if (r.chance(0.55)) {
      // Registered this year and due after the cut-off (24–33 weeks after registration).
      const registration = r.int(Y2020('01-15'), Y2020('06-25'));
      const expected = registration + (40 - weeks) * 7;
      enrol(i, 'maternal', registration, { expectedDelivery: isoOf(expected) });
      out.services.push(
        service('prenatal_registration', p.recordNo, registration, { gestationalWeeks: weeks }),
      );
      touch(i, registration);
    } else {
      // Delivered, but no postpartum visit recorded: registration only.
      const delivery = r.int(YEAR_START, Y2020('06-20'));
      const registration = delivery - (40 - weeks) * 7;
      enrol(i, 'maternal', registration, { deliveryDate: isoOf(delivery) });
      out.services.push(
        service('prenatal_registration', p.recordNo, registration, { gestationalWeeks: weeks }),
      );
      touch(i, registration);
    }
  });
}

/** Children 0–6: newborn and child visits for the followed ones, vaccinations. */
export function writeChildServices(draw: VillageDraw, children: readonly number[]): void {
  const { r, plan, people, out, service, enrol, touch } = draw;
  children.forEach((i, k) => {
    const p = people[i]!;
    enrol(i, 'child', p.created);
    if (k < plan.child.followed) {
      if (p.birthDay >= dayOf('2019-12-20')) {
        const day = Math.max(YEAR_START, Math.min(AS_OF, p.created + r.int(0, 5)));
        out.services.push(service('newborn_visit', p.recordNo, day, { weight: round1(r.normal(3.3, 0.4)) }));
        touch(i, day);
      } else {
        const visits = p.age < 3 && r.chance(0.3) ? 2 : 1;
        for (const day of followupDays(r, visits)) {
          const ageMonths = Math.min(83, monthsBetween(p.birthDay, day));
          out.services.push(service('child_visit', p.recordNo, day, childGrowth(r, ageMonths)));
          touch(i, day);
        }
      }
    }
    // The national schedule's doses the child has reached, each given at its age or a
    // little later (years before 2020 included: BCG and the first hepatitis B at birth).
    if (!r.chance(UNVACCINATED_SHARE))
      for (const dose of NATIONAL_IMMUNISATION_SCHEDULE) {
        const due = p.birthDay + Math.ceil(dose.ageMonths * DAYS_PER_MONTH);
        if (due > AS_OF) break;
        if (!r.chance(DOSE_COVERAGE)) continue;
        const day = Math.min(AS_OF, due + r.int(0, 14));
        out.services.push(
          service('vaccination', p.recordNo, day, { vaccine: VACCINE_NAME[dose.vaccine]!, dose: dose.dose }),
        );
        touch(i, day);
      }
  });
}

/** Tuberculosis (open cases): monthly-ish visits for the followed, one last year for others. */
export function writeTuberculosisFollowups(draw: VillageDraw, tbPatients: readonly number[]): void {
  const { r, plan, people, out, service, enrol, touch } = draw;
  tbPatients.forEach((i, k) => {
    const p = people[i]!;
    const followed = k < plan.tuberculosis.followed;
    const drawn = followed
      ? r.int(dayOf('2019-09-01'), Y2020('05-31'))
      : r.int(dayOf('2019-10-01'), Y2020('06-10'));
    const start = Math.max(drawn, p.created);
    enrol(i, 'tuberculosis', start);
    if (followed) {
      const from = Math.max(start + 10, FIRST_VISIT_DAY);
      // Monthly-ish visits: one per segment of at least four weeks, never days apart.
      const count = Math.max(1, Math.min(r.int(1, 4), Math.floor((LAST_VISIT_DAY - from) / 28)));
      const segment = Math.floor((LAST_VISIT_DAY - from) / count);
      const days = Array.from(
        { length: count },
        (_, c) => from + c * segment + r.int(0, Math.max(0, segment - 14)),
      );
      for (const day of days) {
        out.services.push(service('tb_followup', p.recordNo, day, { medicationRegular: r.chance(0.85) }));
        touch(i, day);
      }
    } else if (start + 10 <= dayOf('2019-12-28')) {
      const day = r.int(start + 10, dayOf('2019-12-28'));
      out.services.push(service('tb_followup', p.recordNo, day, { medicationRegular: r.chance(0.7) }));
      touch(i, day);
    }
  });
}

/** Severe mental disorders: this year's follow-ups for the followed, last year's for others. */
export function writeMentalFollowups(draw: VillageDraw, mentalPatients: readonly number[]): void {
  const { r, plan, people, out, service, enrol, touch } = draw;
  mentalPatients.forEach((i, k) => {
    const p = people[i]!;
    const start = r.int(Math.max(p.created, dayOf('2012-01-01')), Math.max(p.created, dayOf('2019-12-20')));
    enrol(i, 'severe_mental', start);
    const days =
      k < plan.severeMental.followed
        ? followupDays(r, r.chance(0.6) ? 2 : 1)
        : [r.int(Math.max(start, dayOf('2019-07-01')), Math.max(start, dayOf('2019-12-28')))];
    for (const day of days) {
      const condition = (['stable', 'basically_stable', 'unstable'] as const)[r.weighted([0.7, 0.2, 0.1])]!;
      out.services.push(service('mental_followup', p.recordNo, day, { condition }));
      touch(i, day);
    }
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Cluster sizes of identical check-ups: pairs, with one triple when the count is odd. */
function clusterSizes(cases: number): number[] {
  if (cases < 2) return [];
  const sizes = cases % 2 === 1 ? [3] : [];
  for (let left = cases - (cases % 2 === 1 ? 3 : 0); left > 0; left -= 2) sizes.push(2);
  return sizes;
}

function childGrowth(r: DemoRandom, ageMonths: number): ServicePayload<'child_visit'> {
  const m = ageMonths;
  const weight = m < 12 ? 3.3 + 0.6 * m - 0.015 * m * m : 9 + 0.18 * (m - 12);
  const height = m < 12 ? 50 + 2.2 * m - 0.05 * m * m : 75 + 0.75 * (m - 12);
  return {
    ageMonths: m,
    weight: round1(Math.min(60, Math.max(1, weight * (1 + r.normal(0, 0.08))))),
    height: round1(Math.min(150, Math.max(40, height * (1 + r.normal(0, 0.03))))),
  };
}

/** The share of chronic-disease follow-ups made at the clinic, at home and by phone. */
const VISIT_MODES = [
  ['clinic', 0.7],
  ['home', 0.2],
  ['phone', 0.1],
] as const;

/**
 * One hypertension or diabetes follow-up, with readings that match `controlled`. Made at the
 * clinic, at home or (when `phoneAllowed`) by phone; a phone follow-up records no BP (a
 * diabetes one keeps the patient's own glucose reading), so it is "a visit without BP" for
 * HEARTS and not controlled for the national rate: the callers allow it only where that does
 * not contradict `controlled` at the latest follow-up of the year.
 */
export function chronicFollowup(
  program: 'hypertension' | 'diabetes',
  r: DemoRandom,
  recordNo: string,
  day: number,
  controlled: boolean,
  guidance: boolean,
  digitPreference: boolean,
  service: ServiceBuilder,
  phoneAllowed = false,
): ServiceInput {
  const adherence = (['regular', 'intermittent', 'none'] as const)[r.weighted([0.7, 0.25, 0.05])]!;
  const drawn = VISIT_MODES[r.weighted(VISIT_MODES.map(([, share]) => share))]![0];
  const visitMode = drawn === 'phone' && !phoneAllowed ? 'clinic' : drawn;
  const phone = visitMode === 'phone';
  if (program === 'hypertension') {
    const bp = followupPressure(r, controlled, digitPreference);
    return service('hypertension_followup', recordNo, day, {
      visitMode,
      sbp: phone ? null : bp.sbp,
      dbp: phone ? null : bp.dbp,
      heartRate: phone ? null : r.int(58, 96),
      controlled,
      guidance,
      medicationAdherence: adherence,
      symptoms: r.chance(0.15) ? r.pick(['头晕', '头痛', '心悸', '乏力']) : null,
    });
  }
  const bp = followupPressure(r, r.chance(0.6), digitPreference);
  return service('diabetes_followup', recordNo, day, {
    visitMode,
    fastingGlucose: followupGlucose(r, controlled),
    sbp: phone ? null : bp.sbp,
    dbp: phone ? null : bp.dbp,
    controlled,
    guidance,
    medicationAdherence: adherence,
    symptoms: r.chance(0.15) ? r.pick(['多饮', '多尿', '视力模糊', '乏力']) : null,
  });
}
