import { describe, expect, it } from 'vitest';
import { Q2_2020, serviceRow } from './rules.fixture.js';
import { uncontrolledWithoutGuidance } from './uncontrolled-without-guidance.js';

describe('uncontrolled_without_guidance', () => {
  const p = uncontrolledWithoutGuidance.parameters.parse({});

  it('examines the hypertension and diabetes follow-ups by default', () => {
    expect(p.serviceTypes).toEqual(['hypertension_followup', 'diabetes_followup']);
  });

  it('finds every candidate (SQL chose them), as a warning with its BP and glucose', () => {
    const row = serviceRow(
      7,
      { sbp: 152, dbp: 96, fasting_glucose: 8.1 },
      { type: 'hypertension_followup', controlled: 0, guidance: null },
    );
    expect(uncontrolledWithoutGuidance.judge([row], p, Q2_2020)).toEqual([
      {
        severity: 'warning',
        subject: 'service:7',
        orgCode: '620881100201',
        countyCode: '620881',
        residentId: 1007,
        serviceId: 7,
        subjectDate: '2020-04-10',
        weight: 1,
        evidence: {
          type: 'hypertension_followup',
          date: '2020-04-10',
          sbp: 152,
          dbp: 96,
          fastingGlucose: 8.1,
          guidance: null,
        },
      },
    ]);
  });
});
