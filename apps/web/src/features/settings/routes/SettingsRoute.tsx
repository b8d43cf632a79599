import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Skeleton, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormError } from '../../../hooks/use-form-error';
import { allowed, useHasPermission } from '../../../lib/auth';
import { changedFields } from '../../../lib/forms';
import type { Settings } from '../../../types/api';
import { useSettings } from '../api/get-settings';
import { useUpdateSettings } from '../api/update-settings';
import { ProfileChoice } from '../components/ProfileChoice';

/** Quản trị › Cài đặt (settings.view; editable with the `update` ability / settings.manage). */
export function SettingsRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission('settings.manage');
  const settings = useSettings();
  const update = useUpdateSettings();
  const [form] = Form.useForm<Settings>();
  const onError = useFormError(form);
  const editable = allowed(settings.data?.abilities, 'update', canManage);

  useEffect(() => {
    if (settings.data) {form.setFieldsValue(settings.data.settings);}
  }, [settings.data, form]);

  const onFinish = async (values: Settings) => {
    if (!settings.data) {return;}
    const patch = changedFields(settings.data.settings, {
      ...values,
      organisationName: values.organisationName.trim(),
    });
    if (Object.keys(patch).length === 0) {
      void message.info(t('common.noChanges'));
      return;
    }
    try {
      await update.mutateAsync(patch);
      void message.success(t('common.saved'));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <div>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {settings.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : settings.error ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          name="settings"
          onFinish={onFinish}
          disabled={!editable}
          initialValues={settings.data.settings}
        >
          {!editable ? (
            <Alert type="info" showIcon message={t('settings.readOnly')} style={{ marginBottom: 16 }} />
          ) : null}
          <Card title={t('settings.sections.organisation')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="organisationName"
              label={t('settings.organisationName')}
              extra={t('settings.organisationNameHint')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 300 }]}
              style={{ maxWidth: 640 }}
            >
              <Input data-testid="settings-organisationName" />
            </Form.Item>
          </Card>
          <Card title={t('settings.sections.deployment')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="deploymentProfile"
              label={t('settings.deploymentProfile')}
              style={{ marginBottom: 0 }}
            >
              <ProfileChoice />
            </Form.Item>
          </Card>
          <Card title={t('settings.sections.security')} style={{ marginBottom: 16 }}>
            <Row gutter={24}>
              <Col xs={24} lg={12}>
                <Form.Item
                  name="requireTotpForAdmins"
                  label={t('settings.requireTotpForAdmins')}
                  extra={t('settings.requireTotpForAdminsHint')}
                  valuePropName="checked"
                >
                  <Switch
                    checkedChildren={t('common.on')}
                    unCheckedChildren={t('common.off')}
                    data-testid="settings-requireTotp"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={12}>
                <Form.Item
                  name="passwordMinLength"
                  label={t('settings.passwordMinLength')}
                  extra={t('settings.range', { min: 8, max: 128 })}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <InputNumber
                    min={8}
                    max={128}
                    suffix={t('settings.units.characters')}
                    style={{ width: 220 }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={12}>
                <Form.Item
                  name="sessionIdleMinutes"
                  label={t('settings.sessionIdleMinutes')}
                  extra={t('settings.sessionIdleHint')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <InputNumber
                    min={5}
                    max={1440}
                    suffix={t('settings.units.minutes')}
                    style={{ width: 220 }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={12}>
                <Form.Item
                  name="sessionAbsoluteHours"
                  label={t('settings.sessionAbsoluteHours')}
                  extra={t('settings.sessionAbsoluteHint')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <InputNumber min={1} max={720} suffix={t('settings.units.hours')} style={{ width: 220 }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          {editable ? (
            <Flex justify="flex-end" gap={8} className="vp-sticky-actions">
              <Button htmlType="button" onClick={() => form.setFieldsValue(settings.data.settings)}>
                {t('common.reset')}
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={update.isPending}
                data-testid="settings-submit"
              >
                {t('common.save')}
              </Button>
            </Flex>
          ) : null}
        </Form>
      )}
    </div>
  );
}
