import { expect, it } from 'vitest';
import { passwordProblem } from '../../domain/access/password-rules.js';
import { oneTimePassword } from './one-time-password.js';

it('draws one-time passwords from the random source without bias, by the rules', () => {
  // Bytes 224–255 would favour the first characters: skipped. The rest index the
  // 56-character alphabet modulo 56 (56 is 'A' again, 80 is 'a', 104 is '2').
  const mixed = [224, 255, 56, 80, 104, 1, 25, 49, 2, 26, 50, 3, 27, 51, 4, 28, 52, 5];
  const source = (draws: number[][]) => (size: number) =>
    Buffer.from((draws.shift() ?? []).concat(Array(size).fill(0)).slice(0, size));
  expect(oneTimePassword('demo-city', source([mixed]))).toBe('Aa2B-b3Cc-4Dd5-Ee6F');
  // All capitals and dashes mix 2 classes only: drawn again.
  expect(oneTimePassword('demo-city', source([Array(32).fill(0), mixed]))).toBe('Aa2B-b3Cc-4Dd5-Ee6F');
  const real = oneTimePassword('demo-city');
  expect(real).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  expect(passwordProblem(real, 'demo-city')).toBeNull();
});
