/**
 * Test support: what an HTTP answer says, as text, whatever its format (JSON, HTML, CSV, or
 * the XML inside a .docx/.xlsx), and the personal data or the rows of another county that
 * text holds. Used by src/server/access-walk.int.test.ts.
 */
import { inflateRawSync } from 'node:zlib';

/** An answer as text: all of it (`raw`), and its atoms (JSON string leaves, or the cells and runs of markup). */
export interface AnswerText {
  readonly raw: string;
  readonly atoms: ReadonlySet<string>;
}

/** The texts inside a ZIP archive (.docx, .xlsx), one per stored or deflated entry. */
export function unzipTexts(zip: Buffer): string[] {
  // The end of central directory record: the last PK\x05\x06 in the file.
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return [];
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: string[] = [];
  for (let i = 0; i < entries && zip.readUInt32LE(at) === 0x02014b50; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    if (method === 0) out.push(data.toString('utf8'));
    else if (method === 8) out.push(inflateRawSync(data).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

function jsonLeaves(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value.trim());
  else if (typeof value === 'number') out.add(String(value));
  else if (Array.isArray(value)) for (const v of value) jsonLeaves(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) jsonLeaves(v, out);
}

function markupAtoms(text: string, out: Set<string>): void {
  for (const piece of text.split(/<[^>]*>|[\t\r\n"',;|]+/)) {
    const atom = piece.trim();
    if (atom !== '') out.add(atom);
  }
}

/** The text of an answer: JSON by its leaves, an archive by the XML of its entries, else as it is. */
export function answerText(answer: { readonly rawPayload: Buffer; readonly body: string }): AnswerText {
  const atoms = new Set<string>();
  const bytes = answer.rawPayload;
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const raw = unzipTexts(bytes).join('\n');
    markupAtoms(raw, atoms);
    return { raw, atoms };
  }
  try {
    jsonLeaves(JSON.parse(answer.body), atoms);
  } catch {
    markupAtoms(answer.body, atoms);
  }
  return { raw: answer.body, atoms };
}

/** The runs of digits (with a trailing X, as ID numbers end) in `text`, each whole. */
export function digitRuns(text: string): string[] {
  return text.match(/\d+[Xx]?/g) ?? [];
}

/** The residents' personal data, as stored. */
export interface KnownPersonalData {
  readonly idNumbers: ReadonlySet<string>;
  readonly phones: ReadonlySet<string>;
  /** Birth dates (YYYY-MM-DD) that are no other date of the database. */
  readonly birthDates: ReadonlySet<string>;
  /** Full names that are no org's name. */
  readonly names: ReadonlySet<string>;
}

// Neither is matched after a decimal point: the fraction of a rate (0.612…) is no ID number.
/** An 18-digit ID number: region, a birth date of 1800–2099, sequence, check character. */
const ID_18 =
  /(?<![0-9.])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9Xx])/g;
/** A 15-digit (first-generation) ID number: region, YYMMDD, sequence. */
const ID_15 = /(?<![0-9.])\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9Xx])/g;
/** A mainland mobile number, not inside a longer number or after a decimal point. */
const MOBILE = /(?<![\d.])1[3-9]\d{9}(?!\d)/g;
/** An ID number masked to its region and last four characters. */
const ID_LAST_FOUR = /(?<![0-9])\d{6}\*{4,}[\dXx]{4}(?![0-9Xx])/;
/** A field that gives age, sex or birth date, with a value. */
const AGE_SEX_OR_BIRTH = /"(?:sex|age|birthDate)"\s*:\s*(?!null)/;

/** A value shown in a failure message without disclosing it: its first characters only. */
export function hint(value: string): string {
  const chars = [...value];
  return chars.length <= 2
    ? `${chars[0] ?? ''}*`
    : `${chars.slice(0, Math.min(6, chars.length - 2)).join('')}…`;
}

/** 2020年6月30日 (or 2020年06月30日) as 2020-06-30. */
function chineseToIso(date: string): string {
  const [y, m, d] = date.match(/\d+/g)!;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/**
 * The personal data found in an answer, each as `kind hint`: ID numbers (18 or 15 digits,
 * or any stored one), mobile numbers (or any stored phone), residents' birth dates (ISO or
 * 2020年6月30日), residents' full names, and an ID number's last four beside age, sex or
 * birth date (which together rebuild it).
 */
export function personalDataIn(text: AnswerText, known: KnownPersonalData): string[] {
  const found = new Set<string>();
  for (const m of text.raw.match(ID_18) ?? []) found.add(`ID number ${hint(m)}`);
  for (const m of text.raw.match(ID_15) ?? []) found.add(`15-digit ID number ${hint(m)}`);
  for (const m of text.raw.match(MOBILE) ?? []) found.add(`mobile number ${hint(m)}`);
  for (const run of digitRuns(text.raw)) {
    if (known.idNumbers.has(run)) found.add(`stored ID number ${hint(run)}`);
    if (known.phones.has(run)) found.add(`stored phone ${hint(run)}`);
  }
  for (const date of text.raw.match(/\d{4}-\d{2}-\d{2}/g) ?? [])
    if (known.birthDates.has(date)) found.add(`birth date ${date.slice(0, 4)}-…`);
  for (const date of text.raw.match(/\d{4}年\d{1,2}月\d{1,2}日/g) ?? [])
    if (known.birthDates.has(chineseToIso(date))) found.add(`birth date ${date.slice(0, 4)}年…`);
  for (const atom of text.atoms) if (known.names.has(atom)) found.add(`full name ${hint(atom)}`);
  if (ID_LAST_FOUR.test(text.raw) && AGE_SEX_OR_BIRTH.test(text.raw))
    found.add('ID number with its last four beside age, sex or birth date');
  return [...found];
}

/** What identifies a county's rows: its org codes, record and ID numbers (digits), its orgs' and residents' names. */
export interface CountyMarkers {
  readonly digits: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
}

/**
 * The markers of a county found in an answer, each as `kind hint`, leaving out the values
 * the request itself named (an error may repeat what was asked).
 */
export function markersIn(text: AnswerText, markers: CountyMarkers, named: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const run of digitRuns(text.raw))
    if (markers.digits.has(run) && !named.has(run)) found.add(`code or number ${hint(run)}`);
  for (const atom of text.atoms)
    if (markers.words.has(atom) && !named.has(atom)) found.add(`name ${hint(atom)}`);
  return [...found];
}

/** Findings of one kind counted once: `full name ×11 (王…, 许…)` rather than eleven lines. */
export function summarise(found: readonly string[]): string[] {
  const byKind = new Map<string, string[]>();
  for (const f of found) {
    const at = f.lastIndexOf(' ');
    const [kind, example] = at < 0 || !/[…*]$/.test(f) ? [f, ''] : [f.slice(0, at), f.slice(at + 1)];
    byKind.set(
      kind,
      [...(byKind.get(kind) ?? []), example].filter((e) => e !== ''),
    );
  }
  return [...byKind].map(([kind, examples]) =>
    examples.length === 0 ? kind : `${kind} ×${examples.length} (${examples.slice(0, 3).join(', ')})`,
  );
}
