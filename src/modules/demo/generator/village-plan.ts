/**
 * The shapes of the demo plan: the villages it is drawn on, what each village must hold
 * (people, planted problems, programme quotas) and the county totals. plan.ts fills them;
 * programme-quotas.ts sets the quotas; village-records.ts turns a village plan into records.
 */
import type { PopulationInput } from '../../../domain/orgs/population.js';
import type { DemoCountyCode } from './calibration.js';

/** A village or community of the real division tree, as the generator needs it. */
export interface DemoVillage {
  readonly code: string;
  readonly name: string;
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly countyCode: DemoCountyCode;
  /** 社区/居委会 (urban community) rather than 村 (village). */
  readonly urban: boolean;
}

/** Chronic-disease quotas of a village: managed, and how many of them reach each step. */
export interface ChronicQuota {
  managed: number;
  /** With ≥ 2 follow-ups this year. */
  followup2: number;
  /** With ≥ 1 follow-up this year (includes `followup2`). */
  followup1: number;
  /** Of `followup1`, controlled at the latest follow-up. */
  controlled: number;
  /** Of the uncontrolled at the latest follow-up, with guidance recorded there. */
  guided: number;
}

/** Everything the generator must produce for one village. */
export interface VillagePlan {
  readonly village: DemoVillage;
  /** Village where some duplicate records of this village's people are filed. */
  readonly neighbourCode: string;
  population: number;
  /** Birth day numbers of the people holding one (first) record, and their sex (1 male). */
  births: Int32Array;
  males: Uint8Array;
  duplicates: number;
  badIds: number;
  dead: number;
  movedOut: number;
  elderly: { managed: number; checked: number; identical: number; armDiff: number };
  hypertension: ChronicQuota;
  diabetes: ChronicQuota;
  maternal: { managed: number; service: number; closed42d: number };
  child: { managed: number; followed: number };
  tuberculosis: { managed: number; followed: number };
  severeMental: { managed: number; followed: number };
  /** BP readings of this township's follow-ups show terminal-digit preference. */
  digitPreference: boolean;
}

/** County totals of the plan (the calibration after scaling, capping and ranking). */
export interface CountyPlan {
  readonly code: DemoCountyCode;
  readonly name: string;
  population: number;
  effective: number;
  duplicates: number;
}

/** The whole plan. */
export interface DemoPlan {
  readonly seed: number;
  readonly fraction: number;
  readonly asOf: string;
  readonly villages: VillagePlan[];
  readonly counties: CountyPlan[];
  readonly population: PopulationInput[];
  /** Townships whose follow-up BP readings were given terminal-digit preference. */
  readonly digitPreferenceTownships: string[];
}

/** How much of the city to plan. */
export interface DemoPlanOptions {
  readonly seed: number;
  /** Share of the real city (1 = ~1.91 M records). */
  readonly fraction: number;
}

/** Quotas of a chronic programme before any is set. */
export function emptyChronic(): ChronicQuota {
  return { managed: 0, followup2: 0, followup1: 0, controlled: 0, guided: 0 };
}
