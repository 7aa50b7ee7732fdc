/**
 * Family-doctor teams and contracts of the synthetic city (ADR 0018): one or two teams per
 * township health centre, each serving a share of its villages, and contracts signed by the
 * residents generated in a batch, with the key-population flags the import would derive at
 * signing. Contracts signed in the first half of 2019 end in the first half of 2020 and are
 * mostly renewed the day after, so the renewal rate has a denominator. Pure and seeded: the
 * same seed and batches give the same contracts.
 */
import type { TeamMember } from '../../../domain/contracts/contract-columns.js';
import {
  keyPopulationsAtSigning,
  termEndDate,
  type KeyPopulation,
  type SigningFacts,
} from '../../../domain/contracts/contract-rules.js';
import type { EnrollmentInput, ResidentInput } from '../../../domain/records/inputs.js';
import type { DemoCountyCode } from './calibration.js';
import { DEMO_CITY } from './calibration.js';
import { personName } from './people.js';
import { DemoRandom } from './random.js';
import type { DemoVillage } from './village-plan.js';

/**
 * Target share of people holding a contract at the bulletin's cut-off, per county: among the
 * key populations (重点人群签约率) and among everyone else. The counties the bulletin most
 * often names as lagging (崇信, 庄浪, 泾川, 华亭: see RATE_CALIBRATION) sign fewer.
 */
export const CONTRACT_CALIBRATION: Readonly<Record<DemoCountyCode, { key: number; other: number }>> = {
  '620802': { key: 0.74, other: 0.26 },
  '620821': { key: 0.67, other: 0.22 },
  '620822': { key: 0.74, other: 0.25 },
  '620823': { key: 0.64, other: 0.21 },
  '620825': { key: 0.64, other: 0.22 },
  '620826': { key: 0.74, other: 0.24 },
  '620881': { key: 0.69, other: 0.24 },
};

/** Of contracts ending before the cut-off, the share renewed the next day. */
export const DEMO_RENEWAL_SHARE = 0.85;

/** The first day a demo contract may be signed: 18 months before the cut-off. */
const FIRST_SIGNING = '2019-01-01';

/** Villages one team serves at most before the centre gets a second team. */
const VILLAGES_PER_TEAM = 8;

/** A team of the demo. */
export interface DemoTeam {
  readonly code: string;
  readonly name: string;
  readonly institutionCode: string;
  readonly members: readonly TeamMember[];
  readonly villages: readonly string[];
}

/** A contract of the demo, before it meets the resident's stored id. */
export interface DemoContractDraft {
  readonly contractNo: string;
  readonly recordNo: string;
  readonly teamCode: string;
  readonly signedDate: string;
  readonly endDate: string;
  readonly packageCode: string;
  readonly keyPopulations: readonly KeyPopulation[];
  readonly disabled: boolean;
  /** The contract number it continues (续约), or null. */
  readonly renews: string | null;
}

const ORDINALS = ['一', '二'];

/**
 * The teams of the city: per township (its health centre is the township org), one team or,
 * for more than {@link VILLAGES_PER_TEAM} villages, two, splitting the villages in code
 * order; 3–5 members, a doctor, a nurse and a public-health worker first.
 *
 * @example demoTeams(villages, 2020)[0] // { code: 'T620802001-1', name: '…第一家庭医生团队', … }
 */
export function demoTeams(villages: readonly DemoVillage[], seed: number): DemoTeam[] {
  const r = new DemoRandom(seed, 'contract-teams');
  const byTownship = new Map<string, DemoVillage[]>();
  for (const v of villages) {
    const list = byTownship.get(v.townshipCode) ?? [];
    list.push(v);
    byTownship.set(v.townshipCode, list);
  }
  const teams: DemoTeam[] = [];
  for (const [township, list] of [...byTownship.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const codes = list.map((v) => v.code).sort();
    const parts = codes.length > VILLAGES_PER_TEAM ? 2 : 1;
    const size = Math.ceil(codes.length / parts);
    for (let i = 0; i < parts; i++) {
      const roles: TeamMember['role'][] = ['doctor', 'nurse', 'public_health'];
      const extra = r.int(0, 2);
      for (let k = 0; k < extra; k++) roles.push(r.chance(0.5) ? 'doctor' : 'nurse');
      teams.push({
        code: `T${township}-${i + 1}`,
        name: `${list[0]!.townshipName}第${ORDINALS[i]}家庭医生团队`,
        institutionCode: township,
        members: roles.map((role) => ({
          name: personName(r, role === 'doctor' ? r.chance(0.6) : r.chance(0.2)),
          role,
        })),
        villages: codes.slice(i * size, (i + 1) * size),
      });
    }
  }
  return teams;
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function packageFor(groups: readonly KeyPopulation[]): string {
  if (groups.includes('hypertension') || groups.includes('diabetes')) return 'chronic';
  if (groups.includes('elderly')) return 'elderly';
  if (groups.includes('maternal') || groups.includes('child')) return 'maternal_child';
  return 'basic';
}

/**
 * Draws the contracts of the residents of one batch after another, from one seeded stream:
 * consume the batches in the generator's order and the contracts come out the same.
 */
export class DemoContractGenerator {
  private readonly random: DemoRandom;
  private readonly teamOfVillage = new Map<string, string>();

  constructor(seed: number, teams: readonly DemoTeam[]) {
    this.random = new DemoRandom(seed, 'contracts');
    for (const t of teams) for (const v of t.villages) this.teamOfVillage.set(v, t.code);
  }

  /**
   * The contracts of a batch's residents: each living resident signs with the chance of
   * their county's calibration (key population or not, judged at the cut-off), on a day of
   * the 18 months before it; a term that ended before the cut-off is renewed the next day
   * with {@link DEMO_RENEWAL_SHARE}. The share holding at the cut-off is then about the
   * calibration's (the chance is raised for the unrenewed).
   */
  contractsFor(
    residents: readonly ResidentInput[],
    enrollments: readonly EnrollmentInput[],
  ): DemoContractDraft[] {
    const r = this.random;
    const asOf = DEMO_CITY.asOf;
    const enrolmentsOf = new Map<string, EnrollmentInput[]>();
    for (const e of enrollments) {
      const list = enrolmentsOf.get(e.recordNo) ?? [];
      list.push(e);
      enrolmentsOf.set(e.recordNo, list);
    }
    const window = daysBetween(FIRST_SIGNING, asOf);
    // A third of the window ends before the cut-off; of those, DEMO_RENEWAL_SHARE hold on.
    const holding = 1 - (daysBetween(FIRST_SIGNING, addDays(asOf, -365)) / window) * (1 - DEMO_RENEWAL_SHARE);
    const drafts: DemoContractDraft[] = [];
    for (const p of residents) {
      const disabled = r.chance(0.02);
      if (p.deathDate !== null || p.movedOutDate !== null || p.birthDate === null || p.birthDate > asOf)
        continue;
      const team = this.teamOfVillage.get(p.orgCode);
      if (team === undefined) continue;
      const enrolments = enrolmentsOf.get(p.recordNo) ?? [];
      const atCutOff = keyPopulationsAtSigning(asOf, { birthDate: p.birthDate, enrolments, disabled });
      const target = CONTRACT_CALIBRATION[p.orgCode.slice(0, 6) as DemoCountyCode];
      if (target === undefined) continue;
      const share = atCutOff.length > 0 ? target.key : target.other;
      if (!r.chance(Math.min(1, share / holding))) continue;
      let signed = addDays(FIRST_SIGNING, r.int(0, window));
      if (signed < p.birthDate) signed = p.birthDate;
      const facts = { birthDate: p.birthDate, enrolments, disabled };
      const first = this.draft(p.recordNo, team, signed, facts, atCutOff, null);
      drafts.push(first);
      if (first.endDate < asOf && r.chance(DEMO_RENEWAL_SHARE))
        drafts.push(
          this.draft(p.recordNo, team, addDays(first.endDate, 1), facts, atCutOff, first.contractNo),
        );
    }
    return drafts;
  }

  private draft(
    recordNo: string,
    teamCode: string,
    signedDate: string,
    facts: SigningFacts,
    atCutOff: readonly KeyPopulation[],
    renews: string | null,
  ): DemoContractDraft {
    return {
      contractNo: `QY${signedDate.slice(0, 4)}${recordNo}`,
      recordNo,
      teamCode,
      signedDate,
      endDate: termEndDate(signedDate),
      packageCode: packageFor(atCutOff),
      keyPopulations: keyPopulationsAtSigning(signedDate, facts),
      disabled: facts.disabled,
      renews,
    };
  }
}
