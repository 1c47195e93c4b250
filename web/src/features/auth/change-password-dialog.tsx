import { useState } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { Dialog } from '../../shared/ui/dialog';
import { ChangePasswordForm } from './change-password-form';
import './auth.strings';

/** The user menu's "Change password": a small dialog over the current screen. */
export function ChangePasswordButton() {
  const { t } = useT('auth');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t('changePassword')}
      </button>
      <Dialog open={open} title={t('changePassword')} onClose={() => setOpen(false)}>
        <ChangePasswordForm />
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common:actions.close')}
        </button>
      </Dialog>
    </>
  );
}
