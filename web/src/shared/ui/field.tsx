import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

type TFieldShell = { label: string; hint?: string; children: (id: string) => ReactNode };

function FieldShell({ label, hint, children }: TFieldShell) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <small className="field__hint">{hint}</small> : null}
    </div>
  );
}

export function TextField({
  label,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  return (
    <FieldShell label={label} hint={hint}>
      {(id) => <input id={id} {...input} />}
    </FieldShell>
  );
}

export function TextArea({
  label,
  hint,
  ...input
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string }) {
  return (
    <FieldShell label={label} hint={hint}>
      {(id) => <textarea id={id} {...input} />}
    </FieldShell>
  );
}

export type TOption = { value: string; label: string };

export function SelectField({
  label,
  hint,
  options,
  placeholder,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  options: TOption[];
  placeholder?: string;
}) {
  return (
    <FieldShell label={label} hint={hint}>
      {(id) => (
        <select id={id} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
