import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TPasskey } from '../../../../src/contracts/passkeys';
import { formatDateTime } from '../../shared/format/date-format';
import { useT } from '../../shared/i18n/i18n';
import { ErrorText } from '../../shared/ui/error-text';
import { TextField } from '../../shared/ui/field';
import { addPasskey, isPasskeyCancelled, listPasskeys, removePasskey } from './passkeys.api';
import './auth.strings';

/**
 * The person's own passkeys: add one for this device under a name they will recognise, see when
 * each was last used, remove one they no longer hold (a lost phone). After adding, the name box
 * empties and the new passkey is in the list.
 */
export function PasskeysSection() {
  const { t } = useT('auth');
  const [passkeys, setPasskeys] = useState<TPasskey[] | null>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const supported = browserSupportsWebAuthn();

  const reload = useCallback(async () => {
    try {
      setPasskeys(await listPasskeys());
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await addPasskey(label.trim());
      setLabel('');
      setNotice(t('passkeyAdded'));
      await reload();
    } catch (err) {
      if (isPasskeyCancelled(err)) setNotice(t('passkeyCancelled'));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (passkey: TPasskey) => {
    if (!window.confirm(t('passkeyRemoveConfirm', { label: passkey.label }))) return;
    setError(null);
    setNotice(null);
    try {
      await removePasskey(passkey.id);
      setNotice(t('passkeyRemoved'));
      await reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="passkeys" aria-labelledby="passkeys-title">
      <h3 id="passkeys-title">{t('passkeys')}</h3>
      <p>{t('passkeysIntro')}</p>
      {passkeys && passkeys.length === 0 ? <p>{t('passkeysNone')}</p> : null}
      {passkeys && passkeys.length > 0 ? (
        <ul className="passkeys__list">
          {passkeys.map((p) => (
            <li key={p.id}>
              <strong>{p.label}</strong>{' '}
              <span>
                {t('passkeyAddedOn', { at: formatDateTime(p.createdAt) })}
                {' · '}
                {p.lastUsedAt
                  ? t('passkeyLastUsed', { at: formatDateTime(p.lastUsedAt) })
                  : t('passkeyNeverUsed')}
              </span>{' '}
              <button
                type="button"
                className="button button--quiet"
                aria-label={t('passkeyRemoveNamed', { label: p.label })}
                onClick={() => void remove(p)}
              >
                {t('passkeyRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {supported ? (
        <form onSubmit={(e) => void add(e)}>
          <TextField
            label={t('passkeyLabel')}
            hint={t('passkeyLabelHint')}
            required
            maxLength={60}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button className="button" type="submit" disabled={busy}>
            {t('passkeyAdd')}
          </button>
        </form>
      ) : (
        <p>{t('passkeysUnsupported')}</p>
      )}
      <ErrorText error={error} />
      {notice ? <p role="status">{notice}</p> : null}
    </section>
  );
}
