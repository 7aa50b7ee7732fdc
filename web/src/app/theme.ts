import type { ThemeConfig } from 'antd';

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
