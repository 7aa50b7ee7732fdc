import type { LocalizedText } from '../gongwei-error.js';

/**
 * A username: 3 to 32 characters, lower-case letters, digits, `.`, `_` and `-`, starting
 * with a letter or a digit. Lower case only, so that `Zhang` and `zhang` cannot be two
 * accounts; a username is an account name (pinyin, a staff number), never a person's
 * name in characters, because it is written to the access trail.
 */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** An API token's name: 1 to 64 letters, digits, `.`, `_` and `-`, starting with a letter or a digit. */
export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Why a username is refused, or null when it may be used.
 *
 * @example
 * usernameProblem('zhang.wei')  // null
 * usernameProblem('张伟')        // { zh: '用户名为3–32个小写字母、数字或 . _ -', … }
 */
export function usernameProblem(username: string): LocalizedText | null {
  if (USERNAME_PATTERN.test(username)) return null;
  return {
    zh: '用户名为3–32个小写字母、数字或 . _ -，以字母或数字开头',
    en: 'a username has 3–32 lower-case letters, digits or . _ -, starting with a letter or digit',
  };
}

/**
 * Why an API token name is refused, or null when it may be used.
 *
 * @example tokenNameProblem('his-push') // null
 */
export function tokenNameProblem(name: string): LocalizedText | null {
  if (TOKEN_NAME_PATTERN.test(name)) return null;
  return {
    zh: '令牌名称为1–64个字母、数字或 . _ -，以字母或数字开头',
    en: 'a token name has 1–64 letters, digits or . _ -, starting with a letter or digit',
  };
}
