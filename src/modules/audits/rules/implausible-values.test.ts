import { describe, expect, it } from 'vitest';
import {
  RANGE_SUSPECT_RANGES,
  RANGE_SUSPECT_TYPES,
} from '../../../db/migrations/020-service-range-suspects.js';
import { PLAUSIBLE_RANGES } from '../../../domain/audits/vocabulary.js';
import { implausibleValues, rangeSuspectsHold } from './implausible-values.js';
import { Q2_2020, serviceRow } from './rules.fixture.js';

describe('implausible_values', () => {
  const p = implausibleValues.parameters.parse({});

  it('defaults to the physiological ranges, a 3-day window and the follow-ups that need an enrolment', () => {
    expect(p.ranges).toEqual(PLAUSIBLE_RANGES);
    expect(p.duplicateWindowDays).toBe(3);
    expect(p.enrolmentRequiredFor).toEqual([
      'hypertension_followup',
      'diabetes_followup',
      'tb_followup',
      'mental_followup',
    ]);
    expect(implausibleValues.parameters.safeParse({ duplicateWindowDays: -1 }).success).toBe(false);
  });

  it('keys each check of a service apart, and leaves future services undated', () => {
    const high = serviceRow(1, { sbp: 300, dbp: 90 }, { type: 'hypertension_followup' });
    const inverted = serviceRow(2, { sbp: 80, dbp: 90 }, { type: 'hypertension_followup' });
    const fine = serviceRow(3, { sbp: 130, dbp: 80 });
    const child = serviceRow(4, {}, { type: 'child_visit', serviceDate: '2020-08-01' });
    const found = implausibleValues.judge(
      {
        outOfRange: [high, inverted, fine],
        dateProblems: [
          { service: child, problem: 'future', against: '2020-06-30' },
          { service: fine, problem: 'after_death', against: '2020-03-01' },
        ],
        notEnrolled: [{ program: 'hypertension', services: [inverted] }],
        repeated: [{ service: high, previousId: 9, days: 2 }],
        residentDates: [],
      },
      p,
      Q2_2020,
    );
    expect(found.map((f) => [f.subject, f.severity, f.subjectDate])).toEqual([
      ['service:1:range', 'error', '2020-04-10'],
      ['service:2:range', 'error', '2020-04-10'],
      ['service:4:future', 'error', null],
      ['service:3:after_death', 'error', '2020-04-10'],
      ['service:2:not_enrolled', 'warning', '2020-04-10'],
      ['service:1:duplicated_event', 'warning', '2020-04-10'],
    ]);
    expect(found[0]!.evidence).toMatchObject({
      check: 'out_of_range',
      fields: ['sbp'],
      values: { sbp: 300 },
    });
    expect(found[1]!.evidence).toMatchObject({ fields: ['sbp<=dbp'], values: { sbp: 80, dbp: 90 } });
    expect(found[4]!.evidence).toMatchObject({ check: 'not_enrolled', program: 'hypertension' });
    expect(found[5]!.evidence).toMatchObject({ check: 'duplicated_event', previousServiceId: 9, days: 2 });
  });

  it('flags a stored record born after it was created, or dead or moved out before birth, about the resident', () => {
    const record = {
      id: 7,
      orgCode: '620881100201',
      countyCode: '620881',
      birthDate: '2100-01-01',
      recordCreated: '2018-03-15',
      deathDate: '2020-01-01',
      movedOutDate: null,
    };
    const found = implausibleValues.judge(
      { outOfRange: [], dateProblems: [], notEnrolled: [], repeated: [], residentDates: [record] },
      p,
      Q2_2020,
    );
    expect(found.map((f) => [f.subject, f.severity, f.residentId, f.serviceId, f.subjectDate])).toEqual([
      ['resident:7:birth_after_created', 'error', 7, null, null],
      ['resident:7:death_before_birth', 'error', 7, null, null],
    ]);
    // The evidence names the check, never the dates (personal data).
    expect(found[1]!.evidence).toEqual({ check: 'death_before_birth', field: 'deathDate' });
  });

  it("keeps the range suspects index's ranges and types the rule's defaults (a change needs a new index)", () => {
    expect(RANGE_SUSPECT_RANGES).toEqual(PLAUSIBLE_RANGES);
    expect(RANGE_SUSPECT_RANGES).toEqual(p.ranges);
    expect([...RANGE_SUSPECT_TYPES]).toEqual(p.rangeCheckedTypes);
    expect(rangeSuspectsHold(p.ranges, p.rangeCheckedTypes)).toBe(true);
  });

  it('reads the index only for ranges containing its ranges and types among its types', () => {
    const wider = { ...p.ranges, sbp: { min: 50, max: 300 } };
    const narrower = { ...p.ranges, waist: { min: 50, max: 170 } };
    expect(rangeSuspectsHold(wider, ['hypertension_followup'])).toBe(true);
    expect(rangeSuspectsHold(narrower, p.rangeCheckedTypes)).toBe(false);
    expect(rangeSuspectsHold(p.ranges, [...p.rangeCheckedTypes, 'child_visit'])).toBe(false);
  });
});
