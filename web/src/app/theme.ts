import type { ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';

/**
 * The UI's Ant Design theme. The default secondary text (45 % black) falls below the WCAG AA
 * contrast ratio on the layout's grey; 65 % black passes and is easier to read for everyone.
 * ProLayout sets its own theme for what it frames, so the layout applies this again inside.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1677ff',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

/**
 * Ant Design's own words (date pickers, pagination, empty tables) in the UI's language.
 * ProLayout frames the pages with its own provider, so the layout applies this again inside.
 */
export function antLocale(language: string): Locale {
  return language === 'en' ? enUS : zhCN;
}
