import { Flex, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { QueryError } from '../../components/QueryError';
import { LOGIN_PATHS, nextStep } from '../../features/auth/utils/next-step';
import { forgetReturnTo, rememberReturnTo } from '../../lib/return-to';
import { useAuth } from '../../lib/auth';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** The app only for a fully logged-in user; otherwise the right step of the login flow. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, isPending, error, refetch } = useAuth();
  const location = useLocation();
  const ready = data?.status === 'ok' && !data.user?.mustChangePassword;

  useEffect(() => {
    if (ready) {forgetReturnTo();}
  }, [ready]);

  if (isPending) {return <FullPageSpin />;}
  if (error && !data) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <div style={{ maxWidth: 520, width: '100%' }}>
          <QueryError error={error} onRetry={() => void refetch()} />
        </div>
      </Flex>
    );
  }
  if (!data || data.status === 'anonymous') {
    rememberReturnTo(location.pathname + location.search);
    return <Navigate to={LOGIN_PATHS.login} replace />;
  }
  if (!ready) {return <Navigate to={nextStep(data) ?? LOGIN_PATHS.login} replace />;}
  return <>{children}</>;
}
