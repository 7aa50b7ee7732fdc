/**
 * The textual forms of bulletin parameters shared by the CLI and the API:
 * `--threshold records=0.9,elderly=target` and `--compare-to 620000=92.73%`. A text that
 * cannot be read is a `bad_request` {@link GongweiError} blaming the flag or body field it
 * came from.
 */
import { GongweiError } from '../gongwei-error.js';
import { isNamingSection, NAMING_SECTIONS, type NamingSection } from './bulletin-input.js';
import { parseNamingRule, type NamingRule } from './unit-naming.js';

/** Aliases users may type for section keys (indicator-id prefixes and the fixture's names). */
const SECTION_ALIASES: Readonly<Record<string, NamingSection>> = {
  children0to6: 'child',
  severeMental: 'severe_mental',
  mental: 'severe_mental',
  tb: 'tuberculosis',
};

/**
 * Parses `records=0.9,elderly=target,child=lowest:2` into naming rules per section.
 * Throws a {@link GongweiError} naming the bad item.
 *
 * @param field the flag or body field the text came from, blamed by the error
 * @example parseThresholdList('records=90%') // { records: { kind: 'threshold', threshold: 0.9 } }
 */
export function parseThresholdList(
  text: string,
  field = 'threshold',
): Partial<Record<NamingSection, NamingRule>> {
  const out: Partial<Record<NamingSection, NamingRule>> = {};
  for (const item of text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^([A-Za-z_0-9]+)\s*=\s*(.+)$/.exec(item);
    if (!m)
      throw GongweiError.badRequest(
        {
          zh: `「${item}」：应写作 部分=规则，如 records=0.9`,
          en: `"${item}": expected section=rule, e.g. records=0.9`,
        },
        field,
      );
    const key = SECTION_ALIASES[m[1]!] ?? m[1]!;
    if (!isNamingSection(key))
      throw GongweiError.badRequest(
        {
          zh: `「${item}」：没有 ${m[1]} 这一部分（可用：${NAMING_SECTIONS.join('、')}）`,
          en: `"${item}": unknown section ${m[1]} (one of ${NAMING_SECTIONS.join(', ')})`,
        },
        field,
      );
    out[key] = parseNamingRule(m[2]!, field);
  }
  return out;
}

/** The level above to compare with: an org code, its rate, or both. */
export interface CompareToParameter {
  code?: string;
  rate?: number;
}

/**
 * Parses `620000`, `620000=92.73%`, `620000=0.9273` or `92.73%`. Throws a
 * {@link GongweiError} quoting the text.
 *
 * @param field the flag or body field the text came from, blamed by the error
 * @example parseCompareTo('620000=92.73%') // { code: '620000', rate: 0.9273 }
 */
export function parseCompareTo(text: string, field = 'compareTo'): CompareToParameter {
  const t = text.trim();
  const m = /^(?:(\d{6,12})\s*)?(?:=?\s*(\d+(?:\.\d+)?)\s*([%％])?)?$/.exec(t);
  if (!m || (!m[1] && !m[2]))
    throw GongweiError.badRequest(
      {
        zh: `「${text}」：应为单位代码、比例，或 代码=比例（如 620000=92.73%）`,
        en: `"${text}": expected an org code, a rate, or code=rate (620000=92.73%)`,
      },
      field,
    );
  const out: CompareToParameter = {};
  if (m[1]) out.code = m[1];
  if (m[2]) {
    if (m[1] && !t.includes('='))
      throw GongweiError.badRequest(
        { zh: `「${text}」：应写作 代码=比例`, en: `"${text}": write code=rate` },
        field,
      );
    const value = Number(m[2]) / (m[3] ? 100 : 1);
    if (!(value >= 0 && value <= 1))
      throw GongweiError.badRequest(
        {
          zh: `「${text}」：比例应为 0..1 或百分数`,
          en: `"${text}": rate must be 0..1 or a percentage`,
        },
        field,
      );
    out.rate = Number(value.toPrecision(12));
  }
  return out;
}
