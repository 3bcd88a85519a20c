import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerEntry } from '../../catalogue/types';
import { AuthorityPicker } from '../../directory/AuthorityPicker';
import type { AuthoritySummary } from '../../directory/types';
import { useUser } from '../../session/Session';
import { Field } from '../../ui/Field';
import type { AvailableAction } from '../../workflow/labels';
import type { RequestAction, RequestCommand, RequestDetail } from '../types';
import { AnswerFields } from './AnswerFields';
import { MessageField } from './MessageField';
import { PanelForm } from './PanelForm';
import { SurveyFields } from './SurveyFields';

interface ActionPanelProps {
  chosen: AvailableAction<RequestAction>;
  request: RequestDetail;
  pending: boolean;
  onCommand: (command: RequestCommand) => void;
  onCancel: () => void;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
/** The requested reply date can change only until the request is accepted. */
const REPLY_DATE_OPEN = ['DRAFT', 'SENT'];
const rating = (form: FormData, name: string) => (form.get(name) ? Number(form.get(name)) : null);

function AcceptFields({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const [propose, setPropose] = useState(false);
  return (
    <>
      <fieldset className="ecl-form-group field">
        <legend className="ecl-form-label">{t('request.replyDateChoice')}</legend>
        {(['agree', 'propose'] as const).map((choice) => (
          <div key={choice} className="ecl-radio">
            <input
              id={`accept-${choice}`}
              type="radio"
              name="dateChoice"
              value={choice}
              className="ecl-radio__input"
              checked={propose === (choice === 'propose')}
              onChange={() => setPropose(choice === 'propose')}
            />
            <label htmlFor={`accept-${choice}`} className="ecl-radio__label">
              <span className="ecl-radio__box" aria-hidden="true" />
              <span className="ecl-radio__text">{t(choice === 'agree' ? 'actions.acceptDate' : 'actions.proposeDate')}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {propose && (
        <Field label={t('request.proposedDate')}>
          {({ id }) => <input id={id} name="proposedReplyDate" type="date" className="ecl-text-input" defaultValue={request.requestedReplyDate ?? ''} required />}
        </Field>
      )}
    </>
  );
}

/** The form of the chosen action, with exactly what that action needs; it turns into the command sent. */
export function ActionPanel({ chosen, request, pending, onCommand, onCancel }: ActionPanelProps) {
  const { action, label: title } = chosen;
  const { t } = useTranslation();
  const user = useUser();
  const [forwardTo, setForwardTo] = useState<AuthoritySummary[]>([]);
  const [answers, setAnswers] = useState<AnswerEntry[]>(request.questions.map(({ item }) => ({ item: item.id, type: item.type, value: item.type === 'MULTIPLE_CHOICE' ? [] : '' })));
  const panel = (submit: (form: FormData) => RequestCommand | null, fields: ReactNode) => (
    <PanelForm
      title={title}
      submitLabel={title}
      pending={pending}
      onCancel={onCancel}
      onSubmit={(form) => {
        const command = submit(form);
        if (command) onCommand(command);
      }}
    >
      {fields}
    </PanelForm>
  );

  switch (action) {
    case 'SEND':
      return panel(
        (form) => ({ action, requestedReplyDate: text(form, 'requestedReplyDate') }),
        <Field label={t('compose.replyDate')}>
          {({ id }) => <input id={id} name="requestedReplyDate" type="date" className="ecl-text-input" defaultValue={request.requestedReplyDate ?? ''} required />}
        </Field>,
      );
    case 'MODIFY':
      return panel(
        (form) => ({ action, subject: text(form, 'subject'), requestedReplyDate: text(form, 'requestedReplyDate') }),
        <>
          <Field label={t('compose.subject')}>
            {({ id }) => <input id={id} name="subject" className="ecl-text-input ecl-text-input--l" defaultValue={request.subject} required />}
          </Field>
          {REPLY_DATE_OPEN.includes(request.state) && (
            <Field label={t('compose.replyDate')}>
              {({ id }) => <input id={id} name="requestedReplyDate" type="date" className="ecl-text-input" defaultValue={request.requestedReplyDate ?? ''} />}
            </Field>
          )}
        </>,
      );
    case 'ACCEPT':
      return panel((form) => ({ action, proposedReplyDate: form.get('dateChoice') === 'propose' ? text(form, 'proposedReplyDate') : null }), <AcceptFields request={request} />);
    case 'FORWARD':
      return panel(
        (form) => (forwardTo[0] ? { action, toAuthorityId: forwardTo[0].id, message: text(form, 'message') } : null),
        <>
          <p className="ecl-help-block">{t('actions.forwardHint')}</p>
          <AuthorityPicker legend={t('request.forwardTo')} filters={{ country: user.authority.country }} selected={forwardTo} onChange={setForwardTo} />
          <MessageField />
        </>,
      );
    case 'ANSWER':
      return panel(
        (form) => ({ action, answers, message: text(form, 'message') }),
        <>
          <AnswerFields request={request} answers={answers} onChange={setAnswers} />
          <MessageField label={t('request.comment')} />
        </>,
      );
    case 'REQUEST_FURTHER_INFORMATION':
    case 'REFER':
      return panel((form) => ({ action, message: text(form, 'message') }), <MessageField required />);
    case 'RETURN_FROM_REFERRAL':
    case 'CLOSE_REFERRAL':
    case 'WITHDRAW':
      return panel((form) => ({ action, message: text(form, 'message') }), <MessageField />);
    case 'CLOSE':
      return panel((form) => ({ action, timeliness: rating(form, 'timeliness'), efforts: rating(form, 'efforts') }), <SurveyFields />);
    case 'ADD_MESSAGE':
      return panel((form) => ({ action, text: text(form, 'message') }), <MessageField required label={t('request.newMessage')} />);
    case 'ADD_ATTACHMENT':
      return panel(
        (form) => {
          const file = form.get('file');
          return file instanceof File && file.size > 0 ? { action, file } : null;
        },
        <Field label={t('request.file')} hint={t('request.fileHint')}>
          {({ id, describedBy }) => <input id={id} name="file" type="file" className="ecl-file-upload" aria-describedby={describedBy} required />}
        </Field>,
      );
  }
}
