import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n';

/** One button: shows the other language and switches to it (the choice is kept in localStorage). */
export function LanguageSwitch({ ghost = false }: { ghost?: boolean }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Tooltip title={t('language.switchTo', { lng: t(`language.${next}`) })}>
      <Button
        type={ghost ? 'text' : 'default'}
        className={ghost ? 'vp-header-btn' : undefined}
        icon={<TranslationOutlined />}
        onClick={() => void setLanguage(next)}
        data-testid="lang-switch"
        aria-label={t('language.switchTo', { lng: t(`language.${next}`) })}
        lang={next}
      >
        {next.toUpperCase()}
      </Button>
    </Tooltip>
  );
}
