/**
 * A zod issue in Chinese and English, like every other message: zod's own English text, and
 * the Chinese of zod's zh-CN locale. A missing value reads as the records' "required"
 * (必填项为空), the one reason every write path gives for it.
 */
import { z } from 'zod';
import type { LocalizedText } from './gongwei-error.js';

const zhCN = z.locales.zhCN().localeError;

/** The parts of a zod issue the texts need: its code, zod's English message, its details. */
export interface ZodIssueLike {
  readonly code: string;
  readonly message: string;
  readonly [detail: string]: unknown;
}

/**
 * A value of the type zod's English message says it received, so that the zh-CN locale
 * (which names the received type from the input, absent from a finished issue) names it too.
 */
function receivedStandIn(message: string): unknown {
  const received = /received (\w+)/.exec(message)?.[1];
  switch (received) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/**
 * The Chinese and English of `issue`.
 *
 * @example
 * zodIssueText({ code: 'too_small', origin: 'number', minimum: 0, inclusive: true, message: 'Too small: expected number to be >=0' })
 * // { zh: '数值过小：期望 number >=0', en: 'Too small: expected number to be >=0' }
 */
export function zodIssueText(issue: ZodIssueLike): LocalizedText {
  const input = issue.code === 'invalid_type' ? receivedStandIn(issue.message) : issue['input'];
  if (issue.code === 'invalid_type' && input === undefined) return { zh: '必填项为空', en: issue.message };
  const raw = { ...issue, path: [], input } as unknown as Parameters<typeof zhCN>[0];
  let text: string | undefined;
  try {
    const zh = zhCN(raw);
    text = typeof zh === 'string' ? zh : zh?.message;
  } catch {
    // An issue missing a detail the locale reads (a hand-made issue): the plain wording.
    text = undefined;
  }
  return { zh: text ?? '取值不合法', en: issue.message };
}
