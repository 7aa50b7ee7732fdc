/**
 * Which child units a bulletin names for an indicator ("其中崇信39.98%、华亭40.66%…").
 * The choice is a parameter, never hard-coded: the lowest N, every unit under a fixed
 * threshold, every unit under its own target, or every unit under a reference rate (the
 * level above, or the bulletin org's own rate).
 */
import { GongweiError } from '../gongwei-error.js';

/** How to choose the units to name for one indicator. */
export type NamingRule =
  | { readonly kind: 'lowest'; readonly count: number }
  | { readonly kind: 'threshold'; readonly threshold: number }
  | { readonly kind: 'target' }
  | { readonly kind: 'reference' };

/** A child unit's value of the ranking indicator. */
export interface UnitRate {
  readonly org: string;
  readonly name: string;
  /** Fraction 0..1; null when the unit has no denominator (never named). */
  readonly value: number | null;
  /** The unit's target rate for this indicator, when known. */
  readonly target?: number | null;
}

/** A unit chosen for naming, with the reason's bar it fell under (if any). */
export interface NamedUnit {
  readonly org: string;
  readonly name: string;
  readonly value: number;
  /** The bar it is under (threshold, target or reference); absent for 'lowest'. */
  readonly bar?: number;
}

/** Default: name the three lowest units (the model bulletin's habit). */
export const DEFAULT_NAMING_RULE: NamingRule = { kind: 'lowest', count: 3 };

/**
 * Chooses the units to name, lowest first (ties by org code so output is stable).
 * 'reference' needs `reference`; without it nobody is named. 'target' skips units without
 * a target.
 *
 * @example
 * selectNamedUnits(units, { kind: 'threshold', threshold: 0.9 }) // every unit under 90%
 */
export function selectNamedUnits(
  units: readonly UnitRate[],
  rule: NamingRule,
  reference?: number | null,
): NamedUnit[] {
  const ranked = units
    .filter((u): u is UnitRate & { value: number } => u.value !== null && Number.isFinite(u.value))
    .slice()
    .sort((a, b) => a.value - b.value || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0));
  switch (rule.kind) {
    case 'lowest': {
      if (!Number.isInteger(rule.count) || rule.count < 0)
        throw new RangeError(`naming rule: lowest count must be a whole number ≥ 0, got ${rule.count}`);
      return ranked.slice(0, rule.count).map(({ org, name, value }) => ({ org, name, value }));
    }
    case 'threshold':
      return ranked
        .filter((u) => u.value < rule.threshold)
        .map(({ org, name, value }) => ({ org, name, value, bar: rule.threshold }));
    case 'target':
      return ranked
        .filter((u) => u.target !== undefined && u.target !== null && u.value < u.target)
        .map(({ org, name, value, target }) => ({ org, name, value, bar: target as number }));
    case 'reference':
      if (reference === undefined || reference === null) return [];
      return ranked
        .filter((u) => u.value < reference)
        .map(({ org, name, value }) => ({ org, name, value, bar: reference }));
  }
}

/**
 * Reads a naming rule from its command-line form: a rate ('0.9' or '90%': every unit under
 * it), 'lowest:N', 'target' or 'reference'. Throws a `bad_request` {@link GongweiError}
 * quoting the text, blaming `field` (the flag or body field it came from).
 *
 * @example parseNamingRule('90%') // { kind: 'threshold', threshold: 0.9 }
 * @example parseNamingRule('lowest:2') // { kind: 'lowest', count: 2 }
 */
export function parseNamingRule(text: string, field = 'threshold'): NamingRule {
  const t = text.trim().toLowerCase();
  if (t === 'target') return { kind: 'target' };
  if (t === 'reference' || t === 'above') return { kind: 'reference' };
  const m = /^lowest:?(\d+)$/.exec(t);
  if (m) return { kind: 'lowest', count: Number(m[1]) };
  const pct = /^(\d+(?:\.\d+)?)\s*[%％]$/.exec(t);
  if (pct) return { kind: 'threshold', threshold: Number(pct[1]) / 100 };
  if (/^\d*\.?\d+$/.test(t)) {
    const value = Number(t);
    if (value > 1)
      throw GongweiError.badRequest(
        {
          zh: `「${text}」：比例应为 0..1 之间的小数或百分数，如 90%`,
          en: `"${text}": a rate is a fraction 0..1 or a percentage like 90%`,
        },
        field,
      );
    return { kind: 'threshold', threshold: value };
  }
  throw GongweiError.badRequest(
    {
      zh: `「${text}」：应为比例（0.9 或 90%）、lowest:N、target 或 reference`,
      en: `"${text}": expected a rate (0.9 or 90%), lowest:N, target or reference`,
    },
    field,
  );
}
