/**
 * Every string a user sees is {zh, en}. A feature declares its strings once with
 * `defineMessages`; the compiler refuses an English table whose keys differ from the Chinese.
 *
 * @example
 * export const messages = defineMessages({
 *   zh: { title: '首页' },
 *   en: { title: 'Dashboard' },
 * });
 */
export interface Messages<K extends string = string> {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Declares a feature's strings in both languages with the same keys. */
export function defineMessages<K extends string>(messages: {
  zh: Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): Messages<K> {
  return messages;
}
