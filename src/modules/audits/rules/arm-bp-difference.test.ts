import { describe, expect, it } from 'vitest';
import { ARM_DIFFERENCE_OVER } from '../../../db/migrations/024-service-practice-suspects.js';
import { armBpDifference } from './arm-bp-difference.js';
import { Q2_2020, serviceRow } from './rules.fixture.js';

describe('arm_bp_difference', () => {
  const p = armBpDifference.parameters.parse({});

  it('defaults to 10 and 20 mmHg and refuses a flag above the re-measure threshold', () => {
    expect(p).toEqual({ flagOver: 10, remeasureOver: 20 });
    const bad = armBpDifference.parameters.safeParse({ flagOver: 30 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['flagOver']);
    expect(armBpDifference.parameters.safeParse({ flagOver: -1 }).success).toBe(false);
  });

  it('flags 11 mmHg as a warning and above 20 as an error to re-measure, not 10', () => {
    const rows = [
      serviceRow(1, { sbp: 130, sbp_right: 140 }),
      serviceRow(2, { sbp: 130, sbp_right: 141 }),
      serviceRow(3, { sbp: 151, sbp_right: 130 }),
    ];
    const found = armBpDifference.judge(rows, p, Q2_2020);
    expect(found.map((f) => [f.serviceId, f.severity, f.evidence.action, f.evidence.difference])).toEqual([
      [2, 'warning', 'check', 11],
      [3, 'error', 'remeasure_next_day_and_advise_doctor', 21],
    ]);
    expect(found[0]).toMatchObject({
      subject: 'service:2',
      subjectDate: '2020-04-10',
      residentId: 1002,
      orgCode: '620881100201',
      countyCode: '620881',
      evidence: { type: 'elderly_checkup', date: '2020-04-10', sbp: 130, sbpRight: 141 },
    });
  });

  it("keeps the arm difference index's threshold the rule's default (a change needs a new index)", () => {
    expect(ARM_DIFFERENCE_OVER).toBe(p.flagOver);
  });
});
