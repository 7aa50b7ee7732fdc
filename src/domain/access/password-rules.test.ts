import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_CLASSES, MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules.js';

const LENGTH = /至少 10 个字符/;
const CLASSES = /至少三类/;
const USERNAME = /用户名/;

describe('passwordProblem', () => {
  it('accepts 10 characters and refuses 9, counting characters, not UTF-16 units', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordProblem('Abcdefgh1!', 'zhang')).toBeNull();
    expect(passwordProblem('Abcdefg1!', 'zhang')?.zh).toMatch(LENGTH);
    expect(passwordProblem('', 'zhang')?.zh).toMatch(LENGTH);
    // Eight CJK characters and two letters: 10 characters of 3 classes (other, upper, lower).
    expect(passwordProblem('密码密码密码密码Aa', 'zhang')).toBeNull();
    // Four emoji are 8 UTF-16 units but 4 characters: with 5 more, 9 characters in all.
    expect(passwordProblem('😀😀😀😀Aa1bc', 'zhang')?.zh).toMatch(LENGTH);
    expect(passwordProblem('😀😀😀😀Aa1bcd', 'zhang')).toBeNull();
  });

  it('asks for 3 of the 4 classes: every pair is refused, every triple accepted', () => {
    expect(MIN_PASSWORD_CLASSES).toBe(3);
    const lower = 'abcdefghij';
    const upper = 'ABCDEFGHIJ';
    const digits = '0123456789';
    const other = '!@#$%^&*()';
    const half = (s: string): string => s.slice(0, 5);
    // One class alone.
    for (const single of [lower, upper, digits, other])
      expect(passwordProblem(single, 'zhang')?.zh).toMatch(CLASSES);
    // Two classes.
    const pairs = [
      [lower, upper],
      [lower, digits],
      [lower, other],
      [upper, digits],
      [upper, other],
      [digits, other],
    ] as const;
    for (const [a, b] of pairs) expect(passwordProblem(half(a) + half(b), 'zhang')?.zh).toMatch(CLASSES);
    // Three and four classes.
    expect(passwordProblem('abcdABCD12', 'zhang')).toBeNull();
    expect(passwordProblem('abcdABCD!!', 'zhang')).toBeNull();
    expect(passwordProblem('abcd1234!!', 'zhang')).toBeNull();
    expect(passwordProblem('ABCD1234!!', 'zhang')).toBeNull();
    expect(passwordProblem('abC1!abC1!', 'zhang')).toBeNull();
    // A space and a non-ASCII character are "other".
    expect(passwordProblem('abcd ABCDE', 'zhang')).toBeNull();
    expect(passwordProblem('abcd密ABCDE', 'zhang')).toBeNull();
  });

  it('refuses a password holding the username, in any case', () => {
    expect(passwordProblem('Zhang-2026!x', 'zhang')?.zh).toMatch(USERNAME);
    expect(passwordProblem('x-ZHANG-2026', 'zhang')?.zh).toMatch(USERNAME);
    expect(passwordProblem('Zhan-2026!xy', 'zhang')).toBeNull();
    // An empty username is in no password.
    expect(passwordProblem('Gongwei-2026!', '')).toBeNull();
  });

  it('reports the first problem in the order length, classes, username, in both languages', () => {
    const short = passwordProblem('zhang', 'zhang')!;
    expect(short.zh).toMatch(LENGTH);
    expect(short.en).toMatch(/at least 10 characters/);
    const flat = passwordProblem('zhangzhang', 'zhang')!;
    expect(flat.zh).toMatch(CLASSES);
    expect(flat.en).toMatch(/at least 3 of/);
    expect(passwordProblem('zhang-2026', 'zhang')!.en).toMatch(/username/);
  });
});
