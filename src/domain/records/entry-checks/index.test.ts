import { describe, expect, it } from 'vitest';
import { checkup, entered } from './entry-checks.fixture.js';
import { ENTRY_CHECK_IDS, ENTRY_CHECKS, runEntryChecks, unacknowledged } from './index.js';

describe('entry checks index', () => {
  it('lists each check under its own id, with a description and source', () => {
    for (const id of ENTRY_CHECK_IDS) {
      expect(ENTRY_CHECKS[id].id).toBe(id);
      expect(ENTRY_CHECKS[id].description.zh).not.toBe('');
      expect(ENTRY_CHECKS[id].source).not.toBe('');
    }
  });
  it('splits refusals and warnings, and leaves acknowledged warnings out', () => {
    const result = runEntryChecks(
      entered('elderly_checkup', checkup({ sbpRight: 145 }), [
        { serviceId: 9, residentId: 2, values: [130, 80, 72, 5.6, 1, 1] },
      ]),
    );
    expect(result.refusals).toEqual([]);
    expect(result.warnings.map((w) => w.check)).toEqual(['arm-difference', 'identical-checkup']);
    expect(unacknowledged(result.warnings, ['arm-difference']).map((w) => w.check)).toEqual([
      'identical-checkup',
    ]);
    expect(unacknowledged(result.warnings, ['arm-difference', 'identical-checkup'])).toEqual([]);
  });
  it('refuses an implausible reading and a missing advice together', () => {
    const result = runEntryChecks(entered('elderly_checkup', checkup({ sbp: 130, sbpRight: 270 })));
    expect(result.refusals.map((f) => f.field)).toEqual(['payload.sbpRight', 'payload.advice']);
  });
});
