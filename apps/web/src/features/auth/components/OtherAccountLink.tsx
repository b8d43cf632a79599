import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../api/logout';

/** "Log in with another account": ends the half-finished session and goes back to the login form. */
export function OtherAccountLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      type="link"
      style={{ padding: 0 }}
      loading={logout.isPending}
      onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
      data-testid="auth-other-account"
    >
      {t('auth.otherAccount')}
    </Button>
  );
}
