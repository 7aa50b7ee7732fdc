/**
 * What the tabs of the targets page share: the indicator names of the catalogue in the UI's
 * language, the language as the figure formatters take it, and an error as one line.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GongweiError } from '../../../../src/domain/gongwei-error';
import { answer, api, ApiError } from '../../api/client';
import type { Language } from '../../i18n/i18n';

/** The UI's language as format/figures.ts takes it. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** The name of an indicator in the UI's language (its id until the catalogue answers). */
export function useIndicatorName(): (id: string) => string {
  const language = useLanguage();
  const catalogue = useQuery({
    queryKey: ['catalogue'],
    queryFn: () => answer(api.GET('/api/indicators/catalogue')),
    staleTime: Infinity,
  });
  return (id) => {
    const entry = catalogue.data?.find((e) => e.id === id);
    if (!entry) return id;
    return language === 'en' ? entry.name.en : entry.name.zh;
  };
}

/** An error as the user reads it: the server's message in the UI's language. */
export function errorText(error: unknown, language: Language): string {
  if (error instanceof ApiError) return error.messageIn(language === 'en' ? 'en' : 'zh');
  // A table read in the browser by the domain's own reader names its row and column.
  if (error instanceof GongweiError) return language === 'en' ? error.text.en : error.text.zh;
  return error instanceof Error ? error.message : String(error);
}

/** A failed request, shown above what it would have filled. */
export function ErrorLine({ error }: { error: unknown }): ReactNode {
  const language = useLanguage();
  if (!error) return null;
  return <Alert type="error" showIcon message={errorText(error, language)} style={{ marginBottom: 12 }} />;
}
