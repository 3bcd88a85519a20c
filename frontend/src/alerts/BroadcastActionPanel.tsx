import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthorityPicker } from '../directory/AuthorityPicker';
import type { AuthoritySummary } from '../directory/types';
import { MessageField } from '../requests/actions/MessageField';
import { PanelForm } from '../requests/actions/PanelForm';
import { useUser } from '../session/Session';
import type { AvailableAction } from '../workflow/labels';
import type { BroadcastAction, BroadcastCommand } from './types';

interface BroadcastActionPanelProps {
  chosen: AvailableAction<BroadcastAction>;
  pending: boolean;
  onCommand: (command: BroadcastCommand) => void;
  onCancel: () => void;
}

/** The form of the chosen action on an alert or notification, with exactly what that action needs. */
export function BroadcastActionPanel({ chosen, pending, onCommand, onCancel }: BroadcastActionPanelProps) {
  const { action, label: title } = chosen;
  const { t } = useTranslation();
  const user = useUser();
  const [authorities, setAuthorities] = useState<AuthoritySummary[]>([]);
  const message = (form: FormData) => String(form.get('message') ?? '');

  function command(form: FormData): BroadcastCommand | null {
    switch (action) {
      case 'ALLOCATE':
      case 'DISSEMINATE':
        return authorities.length > 0 ? { action, authorityIds: authorities.map((authority) => authority.id) } : null;
      case 'ACKNOWLEDGE':
        return { action };
      case 'ADD_MESSAGE':
        return { action, text: message(form) };
      default:
        return { action, message: message(form) };
    }
  }

  return (
    <PanelForm
      title={title}
      submitLabel={title}
      pending={pending}
      onCancel={onCancel}
      onSubmit={(form) => {
        const next = command(form);
        if (next) onCommand(next);
      }}
    >
      {(action === 'ALLOCATE' || action === 'DISSEMINATE') && (
        <AuthorityPicker legend={t('alerts.handOnTo')} filters={{ country: user.authority.country }} multiple selected={authorities} onChange={setAuthorities} />
      )}
      {action === 'ACKNOWLEDGE' && <p>{t('alerts.acknowledgeHint')}</p>}
      {(action === 'RETURN_TO_SENDER' || action === 'ADD_MESSAGE') && <MessageField required />}
      {['SUBMIT', 'VALIDATE', 'SEND', 'CLOSE', 'WITHDRAW'].includes(action) && <MessageField />}
    </PanelForm>
  );
}
