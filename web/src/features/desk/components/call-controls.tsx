import { useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { emitAck } from '../../../shared/realtime/socket-client';
import { useUser } from '../../../shared/session/session-context';
import { Dialog } from '../../../shared/ui/dialog';
import { SelectField, TextField } from '../../../shared/ui/field';
import { availableColleagues } from '../api/colleagues.api';
import { ActionError } from './action-error';

type TTransferProps = { callSid: string; language: string; onClose: () => void };

/** Cold transfer to a hotline queue, or warm to a named counsellor who is available. */
export function TransferDialog({ callSid, language, onClose }: TTransferProps) {
  const { t } = useT('desk');
  const user = useUser();
  const [kind, setKind] = useState<'queue' | 'counsellor'>('queue');
  const [hotline, setHotline] = useState(user.hotlines[0] ?? '');
  const [lang, setLang] = useState(language);
  const [colleagues, setColleagues] = useState<Array<{ userId: string; displayName: string }>>([]);
  // Counsellors do not get the wallboard's counsellor list: ask for available names when needed.
  useEffect(() => {
    if (kind !== 'counsellor') return;
    void availableColleagues().then(setColleagues, () => setColleagues([]));
  }, [kind]);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    setError(null);
    try {
      await emitAck('call:transfer', {
        callSid,
        to: kind === 'queue' ? { kind, hotline, language: lang } : { kind, userId },
      });
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Dialog open title={t('call.transfer')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SelectField
          label={t('call.transferTo')}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'queue' | 'counsellor')}
          options={[
            { value: 'queue', label: t('call.toQueue') },
            { value: 'counsellor', label: t('call.toCounsellor') },
          ]}
        />
        {kind === 'queue' ? (
          <>
            <SelectField
              label={t('offer.hotline')}
              value={hotline}
              onChange={(e) => setHotline(e.target.value)}
              options={user.hotlines.map((h) => ({ value: h, label: h }))}
            />
            <SelectField
              label={t('offer.language')}
              value={lang}
              onChange={(e) => setLang(e.target.value)}
              options={['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'].map((l) => ({
                value: l,
                label: t(`languages.${l}`),
              }))}
            />
          </>
        ) : (
          <SelectField
            label={t('call.counsellor')}
            value={userId}
            required
            placeholder="—"
            onChange={(e) => setUserId(e.target.value)}
            options={colleagues.map((c) => ({ value: c.userId, label: c.displayName }))}
          />
        )}
        <ActionError error={error} />
        <div className="dialog__actions">
          <button type="submit" className="button button--primary">
            {t('call.transfer')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Brings an interpreter or a partner into the call by phone. */
export function AddPartyDialog({ callSid, onClose }: { callSid: string; onClose: () => void }) {
  const { t } = useT('desk');
  const [role, setRole] = useState<'interpreter' | 'partner'>('interpreter');
  const [to, setTo] = useState('+856');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      await emitAck('call:add-party', { callSid, role, to: to.replace(/[\s-]/g, '') });
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog open title={t('call.addParty')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SelectField
          label={t('call.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as 'interpreter' | 'partner')}
          options={[
            { value: 'interpreter', label: t('call.interpreter') },
            { value: 'partner', label: t('call.partner') },
          ]}
        />
        <TextField
          label={t('call.phone')}
          type="tel"
          required
          pattern="\+[1-9][0-9 \-]{6,18}"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <ActionError error={error} />
        <div className="dialog__actions">
          <button type="submit" className="button button--primary">
            {t('call.add')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
