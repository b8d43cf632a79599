import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { applyFieldErrors, errorMessage } from '../lib/errors';

/**
 * Handles a failed form submission: per-field messages go under the fields (validation.failed,
 * users.username_taken, auth.weak_password …); anything else becomes a toast.
 */
export function useFormError(form: FormInstance, aliases?: Record<string, string>) {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (!applyFieldErrors(form, error, aliases)) {
        void message.error(errorMessage(error));
      }
    },
    [form, aliases, message],
  );
}
