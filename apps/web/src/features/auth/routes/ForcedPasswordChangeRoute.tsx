import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { ChangePasswordForm } from '../../../components/ChangePasswordForm';
import { useAuth } from '../../../lib/auth';
import { useChangePassword } from '../api/change-password';
import { AuthLayout } from '../components/AuthLayout';
import { OtherAccountLink } from '../components/OtherAccountLink';
import { LOGIN_PATHS, nextStep } from '../utils/next-step';

/** `me.mustChangePassword`: a new account or a password reset by an administrator. */
export function ForcedPasswordChangeRoute() {
  const { t } = useTranslation();
  const { data } = useAuth();
  const change = useChangePassword();

  if (!data || data.status !== 'ok' || !data.user?.mustChangePassword) {
    return <Navigate to={nextStep(data) ?? LOGIN_PATHS.login} replace />;
  }

  return (
    <AuthLayout title={t('auth.forcedChange.title')} width={480}>
      <Alert
        type="warning"
        showIcon
        message={t('auth.forcedChange.text', { name: data.user.displayName })}
        style={{ marginBottom: 16 }}
      />
      <ChangePasswordForm submit={(v) => change.mutateAsync(v)} submitLabel={t('auth.forcedChange.submit')} />
      <div style={{ marginTop: 16 }}>
        <OtherAccountLink />
      </div>
    </AuthLayout>
  );
}
