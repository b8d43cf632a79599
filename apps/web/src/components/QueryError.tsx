import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';
import { errorMessage } from '../lib/errors';

/** What a screen shows when its data could not be loaded: 403 / 404 pages, or an alert with "retry". */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title={t('pages.forbidden.title')} subTitle={t('pages.forbidden.text')} />;
  }
  if (isApiError(error) && error.status === 404 && error.code === 'route.not_found') {
    return (
      <Alert
        type="warning"
        showIcon
        message={t('errors.endpoint_missing.title')}
        description={t('errors.endpoint_missing.text')}
        action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      />
    );
  }
  if (isApiError(error) && error.status === 404) {
    return <Result status="404" title={t('pages.notFound.title')} subTitle={errorMessage(error)} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      message={t('errors.load_failed')}
      description={errorMessage(error)}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
