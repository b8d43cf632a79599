import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage, fieldOfPath } from '../../../lib/errors';
import { translateOr } from '../../../lib/i18n';

/** The catalogue's sentence for a `tasks.*` error code (the server's own message is English), or null. */
export function taskErrorText(error: unknown): string | null {
  if (!isApiError(error) || !error.code.startsWith('tasks.')) {
    return null;
  }
  const text = translateOr(`tasks.errors.${error.code.slice('tasks.'.length)}`, '');
  return text || null;
}

/** A toast text for any failure: the task error in Vietnamese first, else the app's general message. */
export const taskMessage = (error: unknown): string => taskErrorText(error) ?? errorMessage(error);

/**
 * Like useFormError, with the task module's codes translated: the sentence goes under the field the
 * server names (`deadline`, `source.outgoingId` → an alias), else into a toast.
 */
export function useTaskFormError(form: FormInstance, aliases: Record<string, string> = {}) {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const text = taskErrorText(error);
      if (text && isApiError(error)) {
        const names = [
          ...new Set(error.fieldDetails.map((d) => fieldOfPath(d.path)).map((n) => aliases[n] ?? n)),
        ].filter((n) => n && form.getFieldInstance(n) !== undefined);
        if (names.length > 0) {
          form.setFields(names.map((name) => ({ name, errors: [text] })));
          form.scrollToField(names[0]!, { block: 'center' });
        } else {
          void message.error(text);
        }
        return;
      }
      if (!applyFieldErrors(form, error, aliases)) {
        void message.error(errorMessage(error));
      }
    },
    [form, aliases, message],
  );
}
