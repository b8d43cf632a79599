import {
  CheckCircleOutlined,
  EditOutlined,
  FolderOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allowed, useHasPermission } from '../../../lib/auth';
import { useAssignees } from '../api/get-assignees';
import { useFormDefaults } from '../api/get-form-defaults';
import { useIncomingAction, type IncomingAction } from '../api/incoming-actions';
import type { IncomingDetail } from '../types';
import { DirectModal } from './DirectModal';
import { EditIncomingModal } from './EditIncomingModal';
import { StepModal, type StepField } from './StepModal';

type Open =
  'present' | 'direct' | 'redirect' | 'start' | 'complete' | 'file' | 'return' | 'cancel' | 'update' | null;

/** The next step a document usually takes gets the primary button. */
const PRIMARY_ORDER = ['direct', 'start', 'complete', 'present'] as const;

/** Action buttons, each shown only where the document's `abilities` allow it (the server decides). */
export function IncomingActions({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const run = useIncomingAction();
  const can = (a: string) => allowed(doc.abilities, a);
  const canRegister = useHasPermission('incoming.register');
  const defaults = useFormDefaults({ enabled: open === 'present' && canRegister });
  const assignees = useAssignees({ enabled: open === 'present' && !canRegister });
  const leaders = canRegister
    ? (defaults.data?.leaders ?? [])
    : (assignees.data?.users ?? []).filter((u) => u.canDirect).map((u) => ({ id: u.id, name: u.name }));
  const primary = PRIMARY_ORDER.find((a) => can(a));

  const submit = async (step: IncomingAction, done: string) => {
    await run.mutateAsync({ id: doc.id, step });
    setOpen(null);
    void message.success(done);
  };

  const button = (key: Exclude<Open, null>, icon: ReactNode, label: string, danger = false) =>
    can(key) ? (
      <Button
        key={key}
        type={primary === key ? 'primary' : 'default'}
        danger={danger}
        icon={icon}
        onClick={() => setOpen(key)}
        data-testid={`incoming-action-${key}`}
      >
        {label}
      </Button>
    ) : null;

  const buttons = [
    button('present', <SendOutlined />, t('incoming.actions.present')),
    button('direct', <UserSwitchOutlined />, t('incoming.actions.direct')),
    button('start', <PlayCircleOutlined />, t('incoming.actions.start')),
    button('complete', <CheckCircleOutlined />, t('incoming.actions.complete')),
    button('redirect', <SwapOutlined />, t('incoming.actions.redirect')),
    button('file', <FolderOutlined />, t('incoming.actions.file')),
    button('return', <RollbackOutlined />, t('incoming.actions.return')),
    button('update', <EditOutlined />, t('incoming.actions.update')),
    button('cancel', <StopOutlined />, t('incoming.actions.cancel'), true),
  ].filter(Boolean);

  if (buttons.length === 0) {
    return null;
  }

  const step = (
    key: 'start' | 'complete' | 'file' | 'return' | 'cancel',
    field: StepField,
    make: (text: string) => IncomingAction,
    extra: { danger?: boolean; intro?: ReactNode } = {},
  ) => (
    <StepModal
      key={key}
      open={open === key}
      title={t(`incoming.actions.${key}Title`)}
      okText={t(`incoming.actions.${key}`)}
      danger={extra.danger}
      intro={extra.intro}
      field={field}
      pending={run.isPending}
      onClose={() => setOpen(null)}
      onSubmit={({ text }) => submit(make(text), t(`incoming.actions.${key}Done`))}
      testId={`step-${key}`}
    />
  );

  return (
    <>
      <Flex gap={8} wrap data-testid="incoming-actions">
        {buttons}
      </Flex>
      <StepModal
        open={open === 'present'}
        title={t('incoming.actions.presentTitle')}
        okText={t('incoming.actions.present')}
        field={{ name: 'note', label: t('incoming.actions.note'), required: false }}
        leaders={leaders}
        pending={run.isPending}
        onClose={() => setOpen(null)}
        onSubmit={({ text, toUserId }) =>
          submit(
            { action: 'present', body: { toUserId: toUserId!, note: text } },
            t('incoming.actions.presentDone'),
          )
        }
        testId="step-present"
      />
      {can('direct') || can('redirect') ? (
        <DirectModal
          open={open === 'direct' || open === 'redirect'}
          redirect={open === 'redirect'}
          doc={doc}
          pending={run.isPending}
          onClose={() => setOpen(null)}
          onSubmit={(body) =>
            open === 'redirect'
              ? submit({ action: 'redirect', body }, t('incoming.actions.redirectDone'))
              : submit({ action: 'direct', body }, t('incoming.actions.directDone'))
          }
        />
      ) : null}
      {step('start', { name: 'note', label: t('incoming.actions.note'), required: false }, (note) => ({
        action: 'start',
        body: { note },
      }))}
      {step(
        'complete',
        { name: 'resultNote', label: t('incoming.actions.resultNote'), required: true },
        (resultNote) => ({
          action: 'complete',
          body: { resultNote, replyOutgoingId: null },
        }),
      )}
      {step('file', { name: 'note', label: t('incoming.actions.note'), required: false }, (note) => ({
        action: 'file',
        body: { note },
      }))}
      {step('return', { name: 'reason', label: t('incoming.actions.reason'), required: true }, (reason) => ({
        action: 'return',
        body: { reason },
      }))}
      {step(
        'cancel',
        { name: 'reason', label: t('incoming.actions.reason'), required: true },
        (reason) => ({ action: 'cancel', body: { reason } }),
        { danger: true, intro: <p>{t('incoming.actions.cancelIntro', { number: doc.arrivalNumber })}</p> },
      )}
      {can('update') ? (
        <EditIncomingModal open={open === 'update'} doc={doc} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
