import { describe, expect, it } from 'vitest';
import { checkInBrowser, ENTRY_FORMS, formFields, payloadValue, serviceBody } from './entry-form';

const entered = (values: Record<string, string>) => ({
  recordNo: ' 62088110020100001 ',
  serviceDate: '2026-11-01',
  institution: '',
  doctor: '',
  values,
});

describe('entry form values', () => {
  it('reads numbers, yes/no and empties as the payload schema wants them', () => {
    expect(payloadValue('integer', ' 138 ')).toBe(138);
    expect(payloadValue('number', '5.6')).toBe(5.6);
    expect(payloadValue('number', 'abc')).toBe('abc');
    expect(payloadValue('boolean', 'false')).toBe(false);
    expect(payloadValue('controlled', 'true')).toBe(true);
    expect(payloadValue('text', '  ')).toBeNull();
  });
  it('lists a field for every payload field of each form', () => {
    for (const form of ENTRY_FORMS) expect(formFields(form).length).toBeGreaterThan(0);
    expect(formFields('elderly_checkup').map((c) => c.field)).toContain('advice');
    expect(formFields('tcm_elderly').map((c) => c.field)).toEqual(['constitution', 'tcmGuidance']);
  });
  it('builds a TCM service from the chosen constitution and age, refusing an age off the schedule', () => {
    expect(
      serviceBody('tcm_elderly', entered({ constitution: 'qi_deficiency', tcmGuidance: 'true' })).payload,
    ).toEqual({ constitution: 'qi_deficiency', tcmGuidance: true });
    expect(
      checkInBrowser('tcm_child', entered({ ageMonths: '18', methodTaught: 'true' }), '2026-12-05'),
    ).toEqual({ refusals: [], warnings: [] });
    const off = checkInBrowser('tcm_child', entered({ ageMonths: '8', methodTaught: 'true' }), '2026-12-05');
    expect(off.refusals.map((r) => r.field)).toContain('payload.ageMonths');
  });
  it('builds the service body and checks it with the server’s rules', () => {
    const body = serviceBody(
      'hypertension_followup',
      entered({ sbp: '128', dbp: '78', controlled: 'true', guidance: 'false' }),
    );
    expect(body).toMatchObject({
      recordNo: '62088110020100001',
      payload: { sbp: 128, dbp: 78, controlled: true, guidance: false },
    });
    expect(
      checkInBrowser(
        'hypertension_followup',
        entered({ sbp: '128', dbp: '78', controlled: 'true', guidance: 'false' }),
        '2026-12-05',
      ),
    ).toEqual({ refusals: [], warnings: [] });
    const missing = checkInBrowser('hypertension_followup', entered({ sbp: '128' }), '2026-12-05');
    expect(missing.refusals.map((f) => f.field)).toEqual(['payload.controlled', 'payload.guidance']);
  });
});
