import type { LocalizedText } from '../gongwei-error.js';

/** The shortest password accepted (issue 10). */
export const MIN_PASSWORD_LENGTH = 10;

/** Character classes a password must mix: at least {@link MIN_PASSWORD_CLASSES} of them. */
const CHARACTER_CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** How many of lower case, upper case, digits and other characters a password must mix. */
export const MIN_PASSWORD_CLASSES = 3;

/**
 * Why a password is refused, or null when it may be used: at least 10 characters from at
 * least 3 of the classes lower case, upper case, digits and other characters, and not the
 * username.
 *
 * @example
 * passwordProblem('short', 'zhang')            // { zh: '密码至少 10 个字符', … }
 * passwordProblem('Gongwei-2026!', 'zhang')    // null
 */
export function passwordProblem(password: string, username: string): LocalizedText | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      zh: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
      en: `a password has at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  const classes = CHARACTER_CLASSES.filter((c) => c.test(password)).length;
  if (classes < MIN_PASSWORD_CLASSES)
    return {
      zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      en: 'a password mixes at least 3 of: upper case, lower case, digits, symbols',
    };
  // An empty username would be inside every password.
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase()))
    return { zh: '密码不能包含用户名', en: 'a password may not contain the username' };
  return null;
}
