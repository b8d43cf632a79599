import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router-dom';

export function NotFoundRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('pages.notFound.title')}
      subTitle={t('pages.notFound.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('pages.backHome')}
        </Button>
      }
    />
  );
}

/** A screen crashed or could not be loaded (e.g. a new version was deployed): offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {return <NotFoundRoute />;}
  return (
    <Result
      status="error"
      title={t('pages.crash.title')}
      subTitle={t('pages.crash.text')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('pages.crash.reload')}
        </Button>
      }
    />
  );
}
