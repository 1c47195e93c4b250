import { useId, useState } from 'react';
import { useT } from '../i18n/i18n';
import type { TOption } from './field';

export type TPlace = { kind: 'country' | 'province'; code: string };
export type TPlaceOption = TOption & TPlace;

const key = (p: TPlace) => `${p.kind}:${p.code}`;
const MAX_SHOWN = 8;

/**
 * A searchable picker for countries (and Lao provinces where a place may be either): the
 * counsellor types part of the Lao or English name, never an ISO code she would have to know.
 * Chosen places show as chips that can be removed.
 */
export function PlacePicker({
  label,
  options,
  value,
  onChange,
  max = 5,
}: {
  label: string;
  options: TPlaceOption[];
  value: TPlace[];
  onChange: (next: TPlace[]) => void;
  max?: number;
}) {
  const { t } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const chosen = new Set(value.map(key));
  const byKey = new Map(options.map((o) => [key(o), o]));
  const q = query.trim().toLowerCase();
  const matches = q
    ? options
        .filter((o) => !chosen.has(key(o)))
        .filter((o) => o.label.toLowerCase().includes(q) || o.code.toLowerCase() === q)
        .slice(0, MAX_SHOWN)
    : [];
  const pick = (o: TPlaceOption) => {
    onChange([...value, { kind: o.kind, code: o.code }]);
    setQuery('');
  };
  return (
    <div className="field place-picker">
      <label htmlFor={id}>{label}</label>
      {value.length > 0 ? (
        <ul className="place-picker__chosen" aria-label={label}>
          {value.map((p) => {
            const name = byKey.get(key(p))?.label ?? p.code;
            return (
              <li key={key(p)} className="tag">
                {name}{' '}
                <button
                  type="button"
                  className="place-picker__remove"
                  aria-label={t('picker.remove', { name })}
                  onClick={() => onChange(value.filter((v) => key(v) !== key(p)))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {value.length < max ? (
        <input
          id={id}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={`${id}-list`}
          autoComplete="off"
          placeholder={t('picker.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter takes the first match instead of submitting the whole form.
            if (e.key !== 'Enter' || !q) return;
            e.preventDefault();
            if (matches[0]) pick(matches[0]);
          }}
        />
      ) : null}
      {q ? (
        <ul id={`${id}-list`} role="listbox" className="place-picker__list" aria-label={label}>
          {matches.length === 0 ? <li className="muted">{t('picker.noMatch')}</li> : null}
          {matches.map((o) => (
            <li
              key={key(o)}
              role="option"
              aria-selected={false}
              tabIndex={-1}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              {o.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
