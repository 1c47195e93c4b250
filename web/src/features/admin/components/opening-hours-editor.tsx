import { useState } from 'react';
import { formatDate } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { weekdays, type TOpeningHours, type TRange, type TWeekday } from '../api/hotlines.api';

type TProps = { value: TOpeningHours; onChange: (next: TOpeningHours) => void };

const DEFAULT_RANGE: TRange = ['08:00', '17:00'];

/** One row per weekday with its [opens, closes) ranges, then the holiday dates. */
export function OpeningHoursEditor({ value, onChange }: TProps) {
  const { t } = useT('admin');
  const [newHoliday, setNewHoliday] = useState('');

  const setDay = (day: TWeekday, ranges: TRange[]) =>
    onChange({ ...value, weekly: { ...value.weekly, [day]: ranges } });
  const setRange = (day: TWeekday, index: number, range: TRange) =>
    setDay(
      day,
      (value.weekly[day] ?? []).map((r, i) => (i === index ? range : r)),
    );
  const addHoliday = () => {
    if (!newHoliday || value.holidays.includes(newHoliday)) return;
    onChange({ ...value, holidays: [...value.holidays, newHoliday].sort() });
    setNewHoliday('');
  };

  return (
    <fieldset className="hours-editor">
      <legend>{t('form.openingHours')}</legend>
      <table>
        <tbody>
          {weekdays.map((day) => {
            const ranges = value.weekly[day] ?? [];
            const dayName = t(`weekdays.${day}`);
            return (
              <tr key={day} data-testid={`day-${day}`}>
                <th scope="row">{dayName}</th>
                <td>
                  {ranges.length === 0 ? (
                    <span className="muted">{t('form.closedAllDay')}</span>
                  ) : null}
                  {ranges.map(([open, close], i) =>
                    open === '00:00' && close === '24:00' ? (
                      <span key={i} className="hours-editor__range">
                        <span className="tag tag--ok">{t('form.allDay')}</span>
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={`${t('form.removeRange')} ${dayName} ${i + 1}`}
                          onClick={() =>
                            setDay(
                              day,
                              ranges.filter((_, j) => j !== i),
                            )
                          }
                        >
                          ✕
                        </button>
                      </span>
                    ) : (
                      <span key={i} className="hours-editor__range">
                        <label>
                          {t('form.from')}
                          <input
                            type="time"
                            value={open}
                            aria-label={`${dayName} ${t('form.from')} ${i + 1}`}
                            onChange={(e) => setRange(day, i, [e.target.value, close])}
                          />
                        </label>
                        <label>
                          {t('form.to')}
                          <input
                            type="time"
                            value={close}
                            aria-label={`${dayName} ${t('form.to')} ${i + 1}`}
                            onChange={(e) => setRange(day, i, [open, e.target.value])}
                          />
                        </label>
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={`${t('form.removeRange')} ${dayName} ${i + 1}`}
                          onClick={() =>
                            setDay(
                              day,
                              ranges.filter((_, j) => j !== i),
                            )
                          }
                        >
                          ✕
                        </button>
                      </span>
                    ),
                  )}
                </td>
                <td className="hours-editor__actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`${t('form.addRange')} ${dayName}`}
                    onClick={() => setDay(day, [...ranges, DEFAULT_RANGE])}
                  >
                    +
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`${t('form.allDay')} ${dayName}`}
                    onClick={() => setDay(day, [['00:00', '24:00']])}
                  >
                    24h
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{t('form.holidays')}</h3>
      {value.holidays.length === 0 ? <p className="muted">{t('form.noHolidays')}</p> : null}
      <ul className="hours-editor__holidays">
        {value.holidays.map((date) => (
          <li key={date}>
            <time dateTime={date}>{formatDate(`${date}T12:00:00+07:00`)}</time>
            <button
              type="button"
              className="button button--quiet"
              aria-label={t('form.removeHoliday', { date })}
              onClick={() =>
                onChange({ ...value, holidays: value.holidays.filter((d) => d !== date) })
              }
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <span className="hours-editor__range">
        <label>
          {t('form.newHoliday')}
          <input type="date" value={newHoliday} onChange={(e) => setNewHoliday(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={addHoliday}>
          {t('form.addHoliday')}
        </button>
      </span>
    </fieldset>
  );
}
