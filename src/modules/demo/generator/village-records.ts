/**
 * Turns a village's plan into the records a user would import: residents, enrolments and
 * services (ResidentInput / EnrollmentInput / ServiceInput), with the exact quotas of the plan
 * and the planted data problems. Pure: the same plan and seed give the same rows.
 */
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../../domain/records/inputs.js';
import type { ServicePayload } from '../../../domain/records/service-payloads.js';
import type { ServiceType } from '../../../domain/service-types.js';
import { ARM_BP_OVER_20_SHARE, UNUSED_RECORD_SHARE, countyRates } from './calibration.js';
import { dayOf, isoOf, birthdayAt, monthsBetween } from './calendar.js';
import {
  KEY_CHECKUP_VALUES,
  checkupValues,
  followupGlucose,
  followupPressure,
  type CheckupValues,
} from './measurements.js';
import { idNumber, mobilePhone, personName, spoilIdNumber, type BadIdKind } from './people.js';
import { ageInYears, isManageableChild, type VillagePlan } from './plan.js';
import { diabetesWeight, hypertensionWeight, pregnancyWeight } from './demography.js';
import { DemoRandom } from './random.js';

/** The rows of one village (duplicates filed in a neighbouring village included). */
export interface VillageRecords {
  residents: ResidentInput[];
  enrollments: EnrollmentInput[];
  services: ServiceInput[];
}

/** Which residents carry a planted problem, for tests and the summary. */
export interface PlantedProblems {
  duplicateRecords: number;
  badIdNumbers: number;
  identicalCheckups: number;
  armBpDifferences: number;
  servicesAfterDeathOrMoveOut: number;
  unusedRecords: number;
}

const AS_OF = dayOf('2020-06-30');
const YEAR_START = dayOf('2020-01-01');
const Y2020 = (mmdd: string): number => dayOf(`2020-${mmdd}`);
const LAST_VISIT_DAY = Y2020('06-28');
const FIRST_VISIT_DAY = Y2020('01-06');
const USED_SINCE = dayOf('2019-07-01');
/** Elderly check-ups by month, January–June 2020: February stopped for COVID-19. */
const CHECKUP_MONTHS = [0.12, 0.02, 0.12, 0.22, 0.27, 0.25];
const BAD_ID_KINDS: readonly BadIdKind[] = ['empty', 'checksum', 'date', 'length'];
const BAD_ID_WEIGHTS = [0.4, 0.3, 0.15, 0.15];
const HEALTH_TOPICS = [
  '高血压防治',
  '糖尿病防治',
  '新冠肺炎防控',
  '合理膳食',
  '控烟限酒',
  '结核病防治',
  '妇幼保健',
  '老年人健康',
];
const VACCINE_SCHEDULE: readonly [number, string, number][] = [
  [0, '乙肝疫苗', 1],
  [1, '乙肝疫苗', 2],
  [2, '脊灰疫苗', 1],
  [3, '百白破疫苗', 1],
  [4, '百白破疫苗', 2],
  [5, '百白破疫苗', 3],
  [6, '乙肝疫苗', 3],
  [8, '麻腮风疫苗', 1],
  [9, '流脑疫苗', 2],
  [18, '百白破疫苗', 4],
  [24, '乙脑疫苗', 2],
];

/**
 * Generates the records of a whole city village by village, keeping what spans villages:
 * ID number sequences per county and birth date, record numbers of duplicates filed in a
 * neighbouring village, and the health-education activities of each township.
 */
export class VillageRecordGenerator {
  private readonly idOrdinals = new Map<string, number>();
  private idCounty = '';
  private readonly extraSequences = new Map<string, number>();
  private readonly townshipsWithActivities = new Set<string>();
  /** Running totals of the planted problems. */
  readonly planted: PlantedProblems = {
    duplicateRecords: 0,
    badIdNumbers: 0,
    identicalCheckups: 0,
    armBpDifferences: 0,
    servicesAfterDeathOrMoveOut: 0,
    unusedRecords: 0,
  };

  constructor(private readonly seed: number) {}

  /** The records of one village of the plan. Call in the plan's village order. */
  generate(plan: VillagePlan): VillageRecords {
    const v = plan.village;
    if (v.countyCode !== this.idCounty) {
      this.idOrdinals.clear();
      this.idCounty = v.countyCode;
    }
    const r = new DemoRandom(this.seed, 'records', v.code);
    const out: VillageRecords = { residents: [], enrollments: [], services: [] };
    const institution = v.townshipName.endsWith('街道')
      ? `${v.townshipName}社区卫生服务中心`
      : `${v.townshipName}卫生院`;
    const doctors = [personName(r, r.chance(0.7)), personName(r, r.chance(0.5))];
    const rates = {
      htGuidance: countyRates('hypertensionGuidance')[v.countyCode],
      dmGuidance: countyRates('diabetesGuidance')[v.countyCode],
    };
    let sequence = 1;
    const nextRecordNo = (): string => v.code + String(sequence++).padStart(5, '0');

    const service = <T extends ServiceType>(
      type: T,
      recordNo: string,
      day: number,
      payload: ServicePayload<T>,
    ): ServiceInput =>
      ({
        serviceNo: null,
        recordNo,
        type,
        serviceDate: isoOf(day),
        orgCode: null,
        institution,
        doctor: doctors[r.int(0, 1)]!,
        payload,
      }) as ServiceInput;

    // People holding a first record.
    const n = plan.births.length;
    const people = Array.from({ length: n }, (_, i) => {
      const birthDay = plan.births[i]!;
      const male = plan.males[i] === 1;
      const birthIso = isoOf(birthDay);
      const created = createdDay(r, birthDay);
      return {
        recordNo: nextRecordNo(),
        birthDay,
        birthIso,
        age: ageInYears(birthDay),
        male,
        name: personName(r, male),
        idNumber: this.validId(v.countyCode, birthIso, male) as string | null,
        created,
        lastActivity: -1,
        lastService: -1,
      };
    });

    // Who carries which planted problem, and who is in which programme.
    const order = r.shuffled(people.map((_, i) => i).filter((i) => people[i]!.age >= 1));
    const duplicated = order.slice(0, plan.duplicates);
    const badIds = order.slice(plan.duplicates, plan.duplicates + plan.badIds);
    for (const i of badIds) {
      const kind = BAD_ID_KINDS[r.weighted(BAD_ID_WEIGHTS)]!;
      people[i]!.idNumber = spoilIdNumber(people[i]!.idNumber!, kind, r);
    }
    this.planted.badIdNumbers += badIds.length;

    const idx = people.map((_, i) => i);
    const elderlyManaged = r.shuffled(idx.filter((i) => people[i]!.age >= 65)).slice(0, plan.elderly.managed);
    const hypertensive = r.sampleWeighted(
      people.map((p) => hypertensionWeight(p.age)),
      plan.hypertension.managed,
    );
    const diabetic = r.sampleWeighted(
      people.map((p) => diabetesWeight(p.age)),
      plan.diabetes.managed,
    );
    const mothers = r.sampleWeighted(
      people.map((p) => (p.male ? 0 : pregnancyWeight(p.age))),
      plan.maternal.managed,
    );
    const children = r
      .shuffled(idx.filter((i) => isManageableChild(people[i]!.birthDay)))
      .slice(0, plan.child.managed);
    const tbPatients = r
      .shuffled(idx.filter((i) => people[i]!.age >= 15))
      .slice(0, plan.tuberculosis.managed);
    const mentalPatients = r
      .shuffled(idx.filter((i) => people[i]!.age >= 18 && people[i]!.age <= 75))
      .slice(0, plan.severeMental.managed);
    const hypertensiveSet = new Set(hypertensive);
    const diabeticSet = new Set(diabetic);

    // Every service and enrolment counts as a use of the record (it updates the record date).
    const touch = (i: number, day: number, isService = true): void => {
      const p = people[i]!;
      if (day > p.lastActivity) p.lastActivity = day;
      if (isService && day > p.lastService) p.lastService = day;
    };
    const enrol = (
      i: number,
      program: EnrollmentInput['program'],
      start: number,
      detail: EnrollmentInput['detail'] = null,
      end: number | null = null,
      reason: string | null = null,
    ): void => {
      out.enrollments.push({
        recordNo: people[i]!.recordNo,
        program,
        startDate: isoOf(start),
        endDate: end === null ? null : isoOf(end),
        endReason: reason,
        detail,
      });
      touch(i, Math.min(start, AS_OF), false);
    };

    // Elderly: check-ups (identical clusters first, then arm-BP differences), last year's too.
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
        this.planted.identicalCheckups += 1;
      }
      if (arm) this.planted.armBpDifferences += 1;
      out.services.push(service('elderly_checkup', p.recordNo, day, values));
      touch(i, day);
    });

    // Hypertension and diabetes follow-ups.
    const chronic = (program: 'hypertension' | 'diabetes', patients: readonly number[]): void => {
      const q = plan[program];
      const guidanceRate = program === 'hypertension' ? rates.htGuidance : rates.dmGuidance;
      const shuffled = r.shuffled(patients);
      const withFollowup = shuffled.slice(0, q.followup1);
      const controlledLatest = new Set(r.shuffled(withFollowup).slice(0, q.controlled));
      const uncontrolledLatest = withFollowup.filter((i) => !controlledLatest.has(i));
      const guidedLatest = new Set(r.shuffled(uncontrolledLatest).slice(0, q.guided));
      shuffled.forEach((i, k) => {
        const p = people[i]!;
        const start = r.int(
          Math.max(p.created, dayOf('2010-01-01')),
          Math.max(p.created, dayOf('2019-12-20')),
        );
        enrol(i, program, start);
        const days: number[] = [];
        if (start <= dayOf('2019-10-01')) days.push(r.int(dayOf('2019-10-08'), dayOf('2019-12-28')));
        const count = k < q.followup2 ? (r.chance(0.3) ? 3 : 2) : k < q.followup1 ? 1 : 0;
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
          out.services.push(
            chronicFollowup(program, r, p.recordNo, day, controlled, guidance, plan.digitPreference, service),
          );
          touch(i, day);
        });
      });
    };
    chronic('hypertension', hypertensive);
    chronic('diabetes', diabetic);

    // Maternal: registered, delivered with a postpartum visit (some closed at 42 days), or still pregnant.
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

    // Children 0–6: newborn and child visits for the followed ones, vaccinations.
    children.forEach((i, k) => {
      const p = people[i]!;
      enrol(i, 'child', p.created);
      if (k < plan.child.followed) {
        if (p.birthDay >= dayOf('2019-12-20')) {
          const day = Math.max(YEAR_START, Math.min(AS_OF, p.created + r.int(0, 5)));
          out.services.push(
            service('newborn_visit', p.recordNo, day, { weight: round1(r.normal(3.3, 0.4)) }),
          );
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
      if (p.age < 3 && r.chance(0.7)) {
        const day = r.int(Math.max(YEAR_START, p.created), AS_OF);
        const months = monthsBetween(p.birthDay, day);
        const dose = [...VACCINE_SCHEDULE].reverse().find(([m]) => m <= months) ?? VACCINE_SCHEDULE[0]!;
        out.services.push(service('vaccination', p.recordNo, day, { vaccine: dose[1], dose: dose[2] }));
        touch(i, day);
      }
    });

    // Tuberculosis (open cases) and severe mental disorders.
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

    // Residents of the first records.
    for (const p of people) {
      let updated: number;
      if (p.lastActivity >= 0) updated = Math.max(p.created, p.lastActivity);
      else if (p.created < USED_SINCE && r.chance(UNUSED_RECORD_SHARE))
        updated = r.int(p.created, USED_SINCE - 1);
      else updated = Math.max(p.created, r.int(USED_SINCE, AS_OF));
      // Unused (非动态使用): neither updated nor served in the 12 months before the cut-off.
      if (updated < USED_SINCE && p.lastService < USED_SINCE) this.planted.unusedRecords += 1;
      out.residents.push(this.resident(r, v.code, p, p.created, updated, null, null));
    }

    // Deaths and move-outs in the half year; a few still get a follow-up afterwards.
    const leavers = (count: number, kind: 'death' | 'move'): void => {
      for (let k = 0; k < count; k += 1) {
        const age = kind === 'death' ? r.int(62, 95) : r.int(20, 60);
        const birthDay = AS_OF - age * 365 - r.int(0, 364);
        const male = r.chance(0.52);
        const birthIso = isoOf(birthDay);
        const created = createdDay(r, birthDay);
        const left = r.int(Y2020('01-05'), Y2020('06-10'));
        const recordNo = nextRecordNo();
        const person = {
          recordNo,
          birthIso,
          male,
          name: personName(r, male),
          idNumber: this.validId(v.countyCode, birthIso, male),
        };
        out.residents.push(
          this.resident(
            r,
            v.code,
            person,
            created,
            left,
            kind === 'death' ? isoOf(left) : null,
            kind === 'move' ? isoOf(left) : null,
          ),
        );
        const reason = kind === 'death' ? '死亡' : '迁出';
        if (r.chance(0.06)) {
          const start = r.int(Math.max(created, dayOf('2012-01-01')), Math.max(created, dayOf('2019-06-30')));
          out.enrollments.push({
            recordNo,
            program: 'hypertension',
            startDate: isoOf(start),
            endDate: isoOf(left),
            endReason: reason,
            detail: null,
          });
          const before = r.int(Math.max(start, dayOf('2019-10-08')), dayOf('2019-12-28'));
          const after = r.int(left + 3, Math.min(AS_OF, left + 40));
          for (const day of [before, after]) {
            const controlled = r.chance(0.6);
            out.services.push(
              chronicFollowup('hypertension', r, recordNo, day, controlled, true, false, service),
            );
          }
          this.planted.servicesAfterDeathOrMoveOut += 1;
        } else if (kind === 'death' && age >= 65) {
          const start = Math.max(created, birthdayAt(birthDay, 65));
          if (start < left)
            out.enrollments.push({
              recordNo,
              program: 'elderly',
              startDate: isoOf(start),
              endDate: isoOf(left),
              endReason: reason,
              detail: null,
            });
        }
      }
    };
    leavers(plan.dead, 'death');
    leavers(plan.movedOut, 'move');

    // Duplicate records: the same person filed again later, here or in the neighbouring village.
    for (const i of duplicated) {
      const p = people[i]!;
      const here = r.chance(0.7) || plan.neighbourCode === v.code;
      const village = here ? v.code : plan.neighbourCode;
      const recordNo = here
        ? nextRecordNo()
        : village + String(this.nextExtraSequence(village)).padStart(5, '0');
      const created = r.int(Math.max(p.created + 30, dayOf('2014-01-01')), Y2020('05-31'));
      out.residents.push(
        this.resident(
          r,
          village,
          { ...p, recordNo },
          Math.min(created, AS_OF),
          Math.min(created, AS_OF),
          null,
          null,
        ),
      );
      this.planted.duplicateRecords += 1;
      if (created < USED_SINCE) this.planted.unusedRecords += 1;
    }

    // Health-education activities of the township, with its first village.
    if (!this.townshipsWithActivities.has(v.townshipCode)) {
      this.townshipsWithActivities.add(v.townshipCode);
      for (let month = 1; month <= 6; month += 1) {
        const count = month === 2 ? 1 : 2;
        for (let c = 0; c < count; c += 1) {
          const kind = (['lecture', 'consultation', 'board', 'materials'] as const)[(month + c) % 4]!;
          const day = dayOf(`2020-${String(month).padStart(2, '0')}-01`) + r.int(2, 26);
          out.services.push({
            serviceNo: `HE${v.townshipCode}2020${String(month).padStart(2, '0')}${c + 1}`,
            recordNo: null,
            type: 'health_education',
            serviceDate: isoOf(day),
            orgCode: v.townshipCode,
            institution,
            doctor: doctors[0]!,
            payload: {
              activityKind: kind,
              participants: kind === 'board' ? 0 : r.int(20, 150),
              topic: r.pick(HEALTH_TOPICS),
            },
          });
        }
      }
    }
    return out;
  }

  private validId(county: string, birthIso: string, male: boolean): string {
    const key = birthIso + (male ? 'M' : 'F');
    const ordinal = this.idOrdinals.get(key) ?? 0;
    this.idOrdinals.set(key, ordinal + 1);
    return idNumber(county, birthIso, male, ordinal);
  }

  private nextExtraSequence(village: string): number {
    const next = (this.extraSequences.get(village) ?? 90000) + 1;
    this.extraSequences.set(village, next);
    return next;
  }

  private resident(
    r: DemoRandom,
    orgCode: string,
    p: { recordNo: string; birthIso: string; male: boolean; name: string; idNumber: string | null },
    created: number,
    updated: number,
    deathDate: string | null,
    movedOutDate: string | null,
  ): ResidentInput {
    const child = p.birthIso > '2013-06-30';
    return {
      recordNo: p.recordNo,
      idNumber: p.idNumber,
      name: p.name,
      sex: p.male ? 'M' : 'F',
      birthDate: p.birthIso,
      ethnicity: r.chance(0.04) ? '回族' : '汉族',
      orgCode,
      phone: !child && r.chance(0.65) ? mobilePhone(r) : null,
      contactName: child ? p.name.slice(0, 1) + personName(r, r.chance(0.5)).slice(1) : null,
      contactPhone: child ? mobilePhone(r) : null,
      electronic: true,
      recordCreated: isoOf(created),
      recordUpdated: isoOf(Math.min(AS_OF, Math.max(created, updated))),
      deathDate,
      movedOutDate,
    };
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Day a record was created: after birth for the young, in the 2009–2019 campaigns for others. */
function createdDay(r: DemoRandom, birthDay: number): number {
  if (birthDay >= dayOf('2009-03-01')) return Math.min(AS_OF, birthDay + r.int(1, 5));
  const year = 2009 + r.weighted([0.14, 0.2, 0.16, 0.12, 0.08, 0.07, 0.06, 0.05, 0.05, 0.04, 0.03]);
  return r.int(Math.max(dayOf(`${year}-03-01`), birthDay + 1), dayOf(`${year}-12-28`));
}

/** A check-up day in January–June 2020, by the months' weights. */
function checkupDay(r: DemoRandom): number {
  const month = r.weighted(CHECKUP_MONTHS) + 1;
  const first = dayOf(`2020-${String(month).padStart(2, '0')}-01`);
  return Math.min(LAST_VISIT_DAY, first + r.int(0, 27));
}

/** `count` follow-up days in 2020 H1, roughly quarterly with jitter, ascending. */
function followupDays(r: DemoRandom, count: number): number[] {
  switch (count) {
    case 0:
      return [];
    case 1:
      return [r.int(FIRST_VISIT_DAY, LAST_VISIT_DAY)];
    case 2:
      return [r.int(FIRST_VISIT_DAY, Y2020('03-31')), r.int(Y2020('04-10'), LAST_VISIT_DAY)];
    default:
      return [
        r.int(FIRST_VISIT_DAY, Y2020('02-25')),
        r.int(Y2020('03-25'), Y2020('04-25')),
        r.int(Y2020('05-20'), LAST_VISIT_DAY),
      ];
  }
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

type ServiceBuilder = <T extends ServiceType>(
  type: T,
  recordNo: string,
  day: number,
  payload: ServicePayload<T>,
) => ServiceInput;

function chronicFollowup(
  program: 'hypertension' | 'diabetes',
  r: DemoRandom,
  recordNo: string,
  day: number,
  controlled: boolean,
  guidance: boolean,
  digitPreference: boolean,
  service: ServiceBuilder,
): ServiceInput {
  const adherence = (['regular', 'intermittent', 'none'] as const)[r.weighted([0.7, 0.25, 0.05])]!;
  if (program === 'hypertension') {
    const bp = followupPressure(r, controlled, digitPreference);
    return service('hypertension_followup', recordNo, day, {
      sbp: bp.sbp,
      dbp: bp.dbp,
      heartRate: r.int(58, 96),
      controlled,
      guidance,
      medicationAdherence: adherence,
      symptoms: r.chance(0.15) ? r.pick(['头晕', '头痛', '心悸', '乏力']) : null,
    });
  }
  const bp = followupPressure(r, r.chance(0.6), digitPreference);
  return service('diabetes_followup', recordNo, day, {
    fastingGlucose: followupGlucose(r, controlled),
    sbp: bp.sbp,
    dbp: bp.dbp,
    controlled,
    guidance,
    medicationAdherence: adherence,
    symptoms: r.chance(0.15) ? r.pick(['多饮', '多尿', '视力模糊', '乏力']) : null,
  });
}
