import { Button, Card, Checkbox, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateOr } from '../../../lib/i18n';

/** Permission names grouped by module (the part before the dot), as checkboxes. */
export function PermissionPicker({
  all,
  value = [],
  onChange,
  disabled,
}: {
  all: string[];
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const modules = new Map<string, string[]>();
  for (const p of all) {
    const m = p.split('.')[0] ?? p;
    modules.set(m, [...(modules.get(m) ?? []), p]);
  }
  const selected = new Set(value);
  const set = (perms: string[], on: boolean) => {
    const next = new Set(selected);
    for (const p of perms) {
      if (on) {next.add(p);}
      else {next.delete(p);}
    }
    onChange?.(all.filter((p) => next.has(p)));
  };

  return (
    <Row gutter={[12, 12]}>
      {[...modules.entries()].map(([module, perms]) => {
        const count = perms.filter((p) => selected.has(p)).length;
        return (
          <Col key={module} xs={24} md={12}>
            <Card size="small" className="vp-perm-card">
              <fieldset className="vp-fieldset">
                <legend className="vp-perm-legend">
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong>
                      {translateOr(`permissionModules.${module}`, module)}
                    </Typography.Text>
                    <Flex gap={4} align="center">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {count}/{perms.length}
                      </Typography.Text>
                      {!disabled ? (
                        <Button size="small" type="link" onClick={() => set(perms, count < perms.length)}>
                          {count < perms.length ? t('roles.selectAll') : t('roles.selectNone')}
                        </Button>
                      ) : null}
                    </Flex>
                  </Flex>
                </legend>
                <Flex vertical gap={4}>
                  {perms.map((p) => (
                    <Checkbox
                      key={p}
                      checked={selected.has(p)}
                      disabled={disabled}
                      onChange={(e) => set([p], e.target.checked)}
                      data-testid={`perm-${p}`}
                    >
                      <span>{translateOr(`permissions.${p}`, p)}</span>{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                        {p}
                      </Typography.Text>
                    </Checkbox>
                  ))}
                </Flex>
              </fieldset>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
