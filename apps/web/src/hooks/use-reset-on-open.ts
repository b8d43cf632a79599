import type { FormInstance } from 'antd';
import { useEffect } from 'react';

/** Each time a form's modal or drawer opens, it starts from the record's values (not the last edit). */
export function useResetOnOpen<T extends object>(
  form: FormInstance<T>,
  open: boolean,
  values: Partial<T>,
): void {
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(values as Parameters<FormInstance<T>['setFieldsValue']>[0]);
    }
  }, [open, values, form]);
}
