import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';

/** Switches between Chinese and English; the button names the other language. */
export function LanguageSwitch(): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
      lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
    >
      {t('language')}
    </Button>
  );
}
