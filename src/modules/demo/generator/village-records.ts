/**
 * Turns a village's plan into the records a user would import: residents, enrolments and
 * services (ResidentInput / EnrollmentInput / ServiceInput), with the exact quotas of the plan
 * and the planted data problems. Pure: the same plan and seed give the same rows. The
 * programmes' enrolments and services are written by programme-services.ts; this file draws
 * the people, who carries which problem and who is in which programme, the leavers, the
 * duplicate records and the townships' health-education activities.
 */
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../../domain/records/inputs.js';
import type { ServicePayload } from '../../../domain/records/service-payloads.js';
import type { ServiceType } from '../../../domain/service-types.js';
import { UNUSED_RECORD_SHARE, countyRates } from './calibration.js';
import { dayOf, isoOf, birthdayAt } from './calendar.js';
import { diabetesWeight, hypertensionWeight, pregnancyWeight } from './demography.js';
import { ageInYears, isManageableChild } from './eligibility.js';
import { idNumber, mobilePhone, personName, spoilIdNumber, type BadIdKind } from './people.js';
import {
  chronicFollowup,
  writeChildServices,
  writeChronicFollowups,
  writeElderlyCheckups,
  writeMaternalServices,
  writeMentalFollowups,
  writeTuberculosisFollowups,
} from './programme-services.js';
import { DemoRandom } from './random.js';
import { writeTcmServices } from './tcm-services.js';
import { AS_OF, USED_SINCE, Y2020, createdDay } from './service-days.js';
import type { PlantedProblems, VillageDraw, VillagePerson, VillageRecords } from './village-draw.js';
import type { VillagePlan } from './village-plan.js';

export type { PlantedProblems, VillageRecords } from './village-draw.js';

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
    const people = Array.from({ length: n }, (_, i): VillagePerson => {
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
        idNumber: this.validId(v.countyCode, birthIso, male),
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

    const draw: VillageDraw = { r, plan, people, out, planted: this.planted, service, touch, enrol };
    writeElderlyCheckups(draw, elderlyManaged, hypertensiveSet, diabeticSet);
    writeChronicFollowups(draw, 'hypertension', hypertensive, rates.htGuidance);
    writeChronicFollowups(draw, 'diabetes', diabetic, rates.dmGuidance);
    writeMaternalServices(draw, mothers);
    writeChildServices(draw, children);
    writeTuberculosisFollowups(draw, tbPatients);
    writeMentalFollowups(draw, mentalPatients);
    writeTcmServices({ ...draw, r: new DemoRandom(this.seed, 'tcm', v.code) }, elderlyManaged, children);

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
