/**
 * Text as Chinese health systems export it: full-width digits and letters (０１２, ＡＢＸ),
 * ideographic spaces and stray blanks. These helpers bring it to the half-width form the
 * rest of Gongwei compares, without changing anything else about the value.
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Maps full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a
 * plain space. Chinese characters are left as they are.
 *
 * @example toHalfWidth('６２０８８１\u3000ＡＢ') // '620881 AB'
 */
export function toHalfWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) {
      out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
      changed = true;
    } else if (code === IDEOGRAPHIC_SPACE) {
      out += ' ';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/**
 * Half-width, trimmed, inner runs of blanks collapsed to one space. Empty text becomes null
 * so that "no value" has one representation.
 *
 * @example cleanText('  张\u3000 三 ') // '张 三'
 */
export function cleanText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const cleaned = toHalfWidth(text).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * An identifier made of digits (and letters): half-width, every blank removed, letters
 * upper-cased. Used for ID numbers (a lower-case check character `x` is the same number),
 * record numbers and org codes. It does not check the value: a bad ID number is kept and
 * flagged by the audits, never "fixed".
 *
 * @example compactCode(' ６２０８８１ １９９０ ０１０１ ００１x ') // '620881199001010001X'
 */
export function compactCode(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const compact = toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

/**
 * A phone number: half-width, blanks and the usual separators (-, spaces) removed.
 *
 * @example compactPhone('１３８ ０９３３-１２３４') // '13809331234'
 */
export function compactPhone(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const compact = toHalfWidth(text).replace(/[\s-]+/g, '');
  return compact === '' ? null : compact;
}
