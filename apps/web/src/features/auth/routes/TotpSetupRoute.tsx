import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { TotpEnrolment } from '../../../components/TotpEnrolment';
import { useAuth } from '../../../lib/auth';
import { useBeginTotpSetup } from '../api/begin-totp-setup';
import { useConfirmTotp } from '../api/confirm-totp';
import { AuthLayout } from '../components/AuthLayout';
import { OtherAccountLink } from '../components/OtherAccountLink';
import { LOGIN_PATHS, nextStep } from '../utils/next-step';

/** The server requires a second factor for this account and none is set up yet. */
export function TotpSetupRoute() {
  const { t } = useTranslation();
  const { data } = useAuth();
  const setup = useBeginTotpSetup();
  const confirm = useConfirmTotp();
  const started = useRef(false);
  const required = data?.status === 'second_factor_setup_required';

  useEffect(() => {
    if (required && !started.current) {
      started.current = true;
      setup.mutate();
    }
  }, [required, setup]);

  if (!required) {
    return <Navigate to={nextStep(data) ?? LOGIN_PATHS.login} replace />;
  }

  return (
    <AuthLayout title={t('auth.totpSetup.title')} width={520}>
      <Alert type="warning" showIcon message={t('auth.totpSetup.required')} style={{ marginBottom: 16 }} />
      <TotpEnrolment
        secret={setup.data?.secret ?? null}
        otpauthUrl={setup.data?.otpauthUrl ?? null}
        loading={setup.isPending}
        loadError={setup.error}
        confirm={(code) => confirm.mutateAsync(code)}
      />
      <div style={{ marginTop: 16 }}>
        <OtherAccountLink />
      </div>
    </AuthLayout>
  );
}
