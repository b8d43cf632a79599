import {
  CheckOutlined,
  EditOutlined,
  FileWordOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../lib/errors';
import { StepModal } from '../../incoming/components/StepModal';
import { docxUrl, useIssueOutgoing, useOutgoingAction, type OutgoingStepAction } from '../api/outgoing';
import type { IssueResult, OutgoingAbility, OutgoingDetail } from '../types';

type Open = 'approve' | 'return' | 'sign' | 'recall' | 'submit' | 'issue' | null;

/** The next step the document usually takes gets the primary button. */
const PRIMARY_ORDER: OutgoingAbility[] = ['issue', 'sign', 'approve', 'submit', 'edit'];

/** Action buttons, each shown only where the document's `abilities` allow it (the server decides). */
export function OutgoingActions({
  doc,
  onIssued,
}: {
  doc: OutgoingDetail;
  onIssued: (result: IssueResult) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const run = useOutgoingAction();
  const issue = useIssueOutgoing();
  const can = (a: OutgoingAbility) => doc.abilities[a];
  const primary = PRIMARY_ORDER.find((a) => can(a));

  const submit = async (step: OutgoingStepAction, done: string) => {
    await run.mutateAsync({ id: doc.id, step });
    setOpen(null);
    void message.success(done);
  };

  const button = (key: OutgoingAbility, icon: ReactNode, label: string, onClick: () => void, danger = false) =>
    can(key) ? (
      <Button
        key={key}
        type={primary === key ? 'primary' : 'default'}
        danger={danger}
        icon={icon}
        onClick={onClick}
        data-testid={`outgoing-action-${key}`}
      >
        {label}
      </Button>
    ) : null;

  const doSubmit = async () => {
    try {
      await submit({ action: 'submit', body: { version: doc.version } }, t('outgoing.actions.submitDone'));
    } catch (e) {
      setOpen(null);
      void message.error(errorMessage(e));
    }
  };

  const doIssue = async () => {
    try {
      const result = await issue.mutateAsync({ id: doc.id, version: doc.version });
      setOpen(null);
      onIssued(result);
    } catch (e) {
      setOpen(null);
      void message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Flex gap={8} wrap data-testid="outgoing-actions">
        {button('edit', <EditOutlined />, t('outgoing.actions.edit'), () => navigate(`/outgoing/${doc.id}/edit`))}
        {button('submit', <SendOutlined />, t('outgoing.actions.submit'), () => setOpen('submit'))}
        {button('approve', <CheckOutlined />, t('outgoing.actions.approve'), () => setOpen('approve'))}
        {button('sign', <SafetyCertificateOutlined />, t('outgoing.actions.sign'), () => setOpen('sign'))}
        {button('issue', <SendOutlined />, t('outgoing.actions.issue'), () => setOpen('issue'))}
        {button('return', <RollbackOutlined />, t('outgoing.actions.return'), () => setOpen('return'), true)}
        {button('recall', <StopOutlined />, t('outgoing.actions.recall'), () => setOpen('recall'), true)}
        {doc.stub ? null : (
          <Button icon={<FileWordOutlined />} href={docxUrl(doc.id)} data-testid="outgoing-docx">
            {t('outgoing.actions.docx')}
          </Button>
        )}
      </Flex>

      <Modal
        open={open === 'submit'}
        title={t('outgoing.actions.submitTitle')}
        okText={t('outgoing.actions.submit')}
        cancelText={t('common.cancel')}
        onOk={() => void doSubmit()}
        onCancel={() => setOpen(null)}
        confirmLoading={run.isPending}
        okButtonProps={{ 'data-testid': 'outgoing-submit-ok' }}
        destroyOnHidden
      >
        <p>{t('outgoing.actions.submitText')}</p>
      </Modal>

      <Modal
        open={open === 'issue'}
        title={t('outgoing.actions.issueTitle')}
        okText={t('outgoing.actions.issue')}
        cancelText={t('common.cancel')}
        onOk={() => void doIssue()}
        onCancel={() => setOpen(null)}
        confirmLoading={issue.isPending}
        okButtonProps={{ 'data-testid': 'outgoing-issue-ok' }}
        destroyOnHidden
      >
        <p>{t('outgoing.actions.issueText')}</p>
        <ul style={{ paddingInlineStart: 18 }}>
          {doc.recipients.map((r) => (
            <li key={r.id}>
              {r.name} — {t(`outgoing.delivery.${r.delivery}`)}
            </li>
          ))}
        </ul>
      </Modal>

      <StepModal
        open={open === 'approve'}
        title={t('outgoing.actions.approveTitle')}
        okText={t('outgoing.actions.approve')}
        field={{ name: 'note', label: t('outgoing.actions.comment'), required: false }}
        pending={run.isPending}
        onClose={() => setOpen(null)}
        onSubmit={({ text }) =>
          submit({ action: 'approve', body: { version: doc.version, comment: text } }, t('outgoing.actions.approveDone'))
        }
        testId="step-approve"
      />
      <StepModal
        open={open === 'sign'}
        title={t('outgoing.actions.signTitle')}
        okText={t('outgoing.actions.sign')}
        intro={<p>{t('outgoing.actions.signText', { title: doc.authority.signerTitle })}</p>}
        field={{ name: 'note', label: t('outgoing.actions.comment'), required: false }}
        pending={run.isPending}
        onClose={() => setOpen(null)}
        onSubmit={({ text }) =>
          submit({ action: 'sign', body: { version: doc.version, comment: text } }, t('outgoing.actions.signDone'))
        }
        testId="step-sign"
      />
      <StepModal
        open={open === 'return'}
        title={t('outgoing.actions.returnTitle')}
        okText={t('outgoing.actions.return')}
        danger
        field={{ name: 'reason', label: t('outgoing.actions.returnComment'), required: true }}
        pending={run.isPending}
        onClose={() => setOpen(null)}
        onSubmit={({ text }) =>
          submit({ action: 'return', body: { version: doc.version, comment: text } }, t('outgoing.actions.returnDone'))
        }
        testId="step-return"
      />
      <StepModal
        open={open === 'recall'}
        title={t('outgoing.actions.recallTitle')}
        okText={t('outgoing.actions.recall')}
        danger
        intro={<p>{t('outgoing.actions.recallText', { notation: doc.notation ?? '' })}</p>}
        field={{ name: 'reason', label: t('outgoing.actions.reason'), required: true }}
        pending={run.isPending}
        onClose={() => setOpen(null)}
        onSubmit={({ text }) =>
          submit({ action: 'recall', body: { version: doc.version, reason: text } }, t('outgoing.actions.recallDone'))
        }
        testId="step-recall"
      />
    </>
  );
}
