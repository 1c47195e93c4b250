import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';

/**
 * One setting of a row, edited in place: `open` fills the draft and shows the form, `save`
 * sends it (the button stays disabled meanwhile), closes the form and tells the list; a failure
 * stays on the form, said in the user's language.
 */
export function useInlineEdit(onSaved: () => void) {
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = (fill: () => void) => {
    fill();
    setError(null);
    setEditing(true);
  };
  const save = async (send: () => Promise<unknown>) => {
    setSaving(true);
    setError(null);
    try {
      await send();
      setEditing(false);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return { editing, saving, error, setError, open, save, close: () => setEditing(false) };
}

/** The setting as read with a Change button, or its form with Save and Cancel. */
export function InlineEditCell({
  edit,
  summary,
  changeFor,
  onOpen,
  onSubmit,
  saveDisabled,
  fields,
  after,
  testId,
}: {
  edit: ReturnType<typeof useInlineEdit>;
  summary: ReactNode;
  /** The Change button's accessible name and the form's legend, e.g. "Change … for Noy". */
  changeFor: string;
  onOpen: () => void;
  onSubmit: () => void;
  saveDisabled?: boolean;
  /** Inside the fieldset. */
  fields: ReactNode;
  /** After the fieldset, before the buttons (a field with its own label). */
  after?: ReactNode;
  testId?: string;
}) {
  const { t } = useT('admin');
  if (!edit.editing)
    return (
      <span className="answer-on-cell" data-testid={testId}>
        <span>{summary}</span>
        <button
          type="button"
          className="button button--small"
          aria-label={changeFor}
          onClick={onOpen}
        >
          {t('users.changeAnswerOn')}
        </button>
      </span>
    );
  return (
    <form
      className="answer-on-cell"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset>
        <legend>{changeFor}</legend>
        {fields}
      </fieldset>
      {after}
      <div className="admin-row-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={edit.saving || saveDisabled}
        >
          {t('common:actions.save')}
        </button>
        <button type="button" className="button" onClick={edit.close}>
          {t('common:actions.cancel')}
        </button>
      </div>
      <ErrorText error={edit.error} />
    </form>
  );
}
