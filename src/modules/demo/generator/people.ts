/**
 * Synthetic personal details: names, phone numbers and ID numbers that look like Pingliang's
 * but belong to nobody. ID numbers follow GB 11643 (county code + birth date + sequence +
 * check character); the planted bad ones break it in the ways real data does.
 */
import { idCheckChar } from '../../../domain/id-number/id-number.js';
import type { DemoRandom } from './random.js';

// Frequent surnames of eastern Gansu first (王 张 李 刘 杨 马 …), weighted by their order.
const SURNAMES = [
  ...'王张李刘杨马陈赵吴周徐孙朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严武戴莫孔向汤柳景豆',
];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 6));
const MALE_CHARS = [...'建国军伟强明永刚志勇海平东文华斌俊杰涛峰鹏宏兴福成林亮辉岗忠祥德生贵宝山学彬'];
const FEMALE_CHARS = [...'秀英兰芳丽娟霞红梅玲燕萍琴艳敏静桂珍凤花莉娜婷雪慧琳佳悦欣怡春菊翠荣香'];

/**
 * A Chinese name: a surname and one or two given characters by sex.
 *
 * @example personName(new DemoRandom(1), true) // e.g. '王建军'
 */
export function personName(r: DemoRandom, male: boolean): string {
  const surname = SURNAMES[r.weighted(SURNAME_WEIGHTS)]!;
  const chars = male ? MALE_CHARS : FEMALE_CHARS;
  const given = r.chance(0.8) ? r.pick(chars) + r.pick(chars) : r.pick(chars);
  return surname + given;
}

/** A mobile number (11 digits, 13x–19x). */
export function mobilePhone(r: DemoRandom): string {
  let out = '1' + r.pick(['3', '5', '7', '8', '9']);
  for (let i = 0; i < 9; i += 1) out += String(r.int(0, 9));
  return out;
}

/**
 * A valid 18-digit ID number: the 6-digit county, the birth date (YYYYMMDD), a 3-digit
 * sequence (odd for men, even for women, from `ordinal`) and the check character.
 *
 * @example idNumber('620881', '1955-03-10', true, 0) // → '62088119550310001' + check character
 */
export function idNumber(countyCode: string, birthIso: string, male: boolean, ordinal: number): string {
  const sequence = 2 * (ordinal % 499) + (male ? 1 : 2);
  const body = countyCode + birthIso.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return body + idCheckChar(body);
}

/** The ways a bad ID number is bad in the planted data. */
export type BadIdKind = 'empty' | 'checksum' | 'date' | 'length';

/**
 * Spoils a valid ID number the way data entry does: emptied, a wrong check character, an
 * impossible birth date (month 13 or day 32, check character recomputed so only the date is
 * wrong), or a digit dropped or doubled.
 */
export function spoilIdNumber(valid: string, kind: BadIdKind, r: DemoRandom): string | null {
  switch (kind) {
    case 'empty':
      return null;
    case 'checksum': {
      const right = valid.slice(17);
      const wrong = r.pick([...'0123456789X'].filter((c) => c !== right));
      return valid.slice(0, 17) + wrong;
    }
    case 'date': {
      const body = r.chance(0.5)
        ? valid.slice(0, 10) + '13' + valid.slice(12, 17)
        : valid.slice(0, 12) + '32' + valid.slice(14, 17);
      return body + idCheckChar(body);
    }
    case 'length':
      return r.chance(0.5) ? valid.slice(0, 17) : valid + String(r.int(0, 9));
  }
}
