/**
 * What the maintained indicator facts were computed with, as one text: the terms, the
 * parameters and the revision of the rules. Stored beside the facts; when the running code's
 * text differs, the facts were computed by other rules (an upgrade added a term or changed a
 * definition), and every maintained year is prepared again (ADR 0021, "definitions change").
 */
import { createHash } from 'node:crypto';
import { DEFAULT_PARAMETERS, type IndicatorParameters } from './parameters.js';
import { ACTIVITY_TERMS, PERSON_TERMS } from './terms.js';

/**
 * The revision of the term rules. Bump it in the change that makes a rule give another
 * result for the same records (a new term or parameter is seen without it): every
 * deployment then prepares its years again, in the background, reading from the raw rows
 * meanwhile.
 *
 * 1: the first stored revision (vaccination coverage over the cohort due each vaccine; TCM).
 */
export const FACT_RULES_REVISION = 1;

/** What the fingerprint is made of. */
export interface FactDefinitions {
  readonly revision: number;
  readonly personTerms: readonly string[];
  readonly activityTerms: readonly string[];
  readonly parameters: IndicatorParameters;
}

/** The definitions of the running code. */
export const CURRENT_FACT_DEFINITIONS: FactDefinitions = {
  revision: FACT_RULES_REVISION,
  personTerms: PERSON_TERMS,
  activityTerms: ACTIVITY_TERMS,
  parameters: DEFAULT_PARAMETERS,
};

/**
 * The fingerprint of `definitions`: `r<revision>-<sha256 of the terms and parameters>`.
 *
 * @example factDefinitionsFingerprint(CURRENT_FACT_DEFINITIONS) // 'r1-3f2a…'
 */
export function factDefinitionsFingerprint(definitions: FactDefinitions = CURRENT_FACT_DEFINITIONS): string {
  const text = JSON.stringify({
    personTerms: definitions.personTerms,
    activityTerms: definitions.activityTerms,
    parameters: sortedKeys(definitions.parameters),
  });
  return `r${definitions.revision}-${createHash('sha256').update(text).digest('hex')}`;
}

/** A value with its object keys sorted, so that the order of a literal does not count. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortedKeys(v)]),
    );
  return value;
}
