import { describe, expect, it } from 'vitest';
import {
  CURRENT_FACT_DEFINITIONS,
  factDefinitionsFingerprint,
  FACT_RULES_REVISION,
} from './fact-definitions.js';

describe('the fingerprint of the fact definitions', () => {
  const current = factDefinitionsFingerprint();

  it('is stable and names the revision', () => {
    expect(factDefinitionsFingerprint(CURRENT_FACT_DEFINITIONS)).toBe(current);
    expect(current).toMatch(new RegExp(`^r${FACT_RULES_REVISION}-[0-9a-f]{64}$`));
  });

  it('changes with a term added, a parameter changed or the revision bumped', () => {
    const changed = [
      { ...CURRENT_FACT_DEFINITIONS, personTerms: [...CURRENT_FACT_DEFINITIONS.personTerms, 'new_term'] },
      { ...CURRENT_FACT_DEFINITIONS, activityTerms: [] },
      { ...CURRENT_FACT_DEFINITIONS, revision: FACT_RULES_REVISION + 1 },
      {
        ...CURRENT_FACT_DEFINITIONS,
        parameters: { ...CURRENT_FACT_DEFINITIONS.parameters, standardizedFollowupsPerYear: 5 },
      },
    ];
    for (const definitions of changed) expect(factDefinitionsFingerprint(definitions)).not.toBe(current);
  });

  it('does not change with the order of the parameters', () => {
    const reversed = Object.fromEntries(Object.entries(CURRENT_FACT_DEFINITIONS.parameters).reverse());
    expect(
      factDefinitionsFingerprint({
        ...CURRENT_FACT_DEFINITIONS,
        parameters: reversed as typeof CURRENT_FACT_DEFINITIONS.parameters,
      }),
    ).toBe(current);
  });
});
