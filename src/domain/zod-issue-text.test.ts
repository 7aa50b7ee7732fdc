import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssueText } from './zod-issue-text.js';

const issuesOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error!.issues.map((i) => zodIssueText(i as never));

describe('zodIssueText', () => {
  it('gives zod English and the zh-CN locale Chinese', () => {
    const [tooSmall] = issuesOf(z.number().min(1), 0);
    expect(tooSmall!.en).toMatch(/Too small/);
    expect(tooSmall!.zh).toBe('数值过小：期望 number >=1');
    const [choice] = issuesOf(z.enum(['M', 'F']), 'X');
    expect(choice!.zh).toContain('无效选项');
  });

  it('names the type received, as the English does', () => {
    const [wrongType] = issuesOf(z.string(), 5);
    expect(wrongType!.en).toMatch(/received number/);
    expect(wrongType!.zh).toBe('无效输入：期望 string，实际接收 数字');
  });

  it('falls back to plain wording for an issue without the details the locale reads', () => {
    expect(zodIssueText({ code: 'invalid_value', message: 'Invalid option' })).toEqual({
      zh: '取值不合法',
      en: 'Invalid option',
    });
  });

  it('calls a missing value required', () => {
    const [missing] = issuesOf(z.object({ name: z.string() }), {});
    expect(missing).toEqual({ zh: '必填项为空', en: expect.stringMatching(/received undefined/) });
  });
});
