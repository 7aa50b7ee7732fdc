import { describe, expect, it } from 'vitest';
import { tokenNameProblem, usernameProblem } from './account-names.js';

describe('account names', () => {
  it('takes usernames of 3 to 32 lower-case letters, digits, . _ -', () => {
    for (const ok of ['abc', 'zhang.wei', 'kt-centre_01', '007', 'a'.repeat(32)])
      expect(usernameProblem(ok)).toBeNull();
    for (const bad of ['ab', 'a'.repeat(33), 'Zhang', '张伟', '-abc', '.abc', 'a b c', 'abc\n', ''])
      expect(usernameProblem(bad)?.en).toMatch(/3–32/);
  });

  it('takes token names of 1 to 64 letters, digits, . _ -', () => {
    for (const ok of ['h', 'HIS-push', 'lab.results_2', 'x'.repeat(64)])
      expect(tokenNameProblem(ok)).toBeNull();
    for (const bad of ['', 'x'.repeat(65), '-x', 'his push', '接口'])
      expect(tokenNameProblem(bad)?.en).toMatch(/1–64/);
  });
});
