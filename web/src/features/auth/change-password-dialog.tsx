import { useState } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { Dialog } from '../../shared/ui/dialog';
import { ChangePasswordForm } from './change-password-form';
import { PasskeysSection } from './passkeys-section';
import './auth.strings';

/** The user menu's "Account security": password change and passkeys, over the current screen. */
export function ChangePasswordButton() {
  const { t } = useT('auth');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t('security')}
      </button>
      <Dialog open={open} title={t('security')} onClose={() => setOpen(false)}>
        <h3>{t('changePassword')}</h3>
        <ChangePasswordForm />
        {open ? <PasskeysSection /> : null}
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common:actions.close')}
        </button>
      </Dialog>
    </>
  );
}
