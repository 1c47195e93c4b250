import { describe, expect, it } from 'vitest';
import { sheetNames } from '../../../src/modules/reports/sheet-name.policy';

describe('XLSX sheet names', () => {
  it('shortens at a word boundary to 31 characters, never mid-word', () => {
    const [name] = sheetNames(['Victims identified by form of exploitation'], 6);
    expect(name).toBe('6 Victims identified by form');
    const [long] = sheetNames(['Victims sheltered and reintegrated by nationality and sex'], 12);
    // "12 Victims sheltered and reintegrated" is 37: the joiner "and" is not left dangling.
    expect(long).toBe('12 Victims sheltered');
  });

  it('keeps every word it shows whole and every name within Excel rules', () => {
    const titles = [
      'Victims identified, assisted, sheltered, reintegrated and followed up',
      'Domestic victims and victims returned from abroad',
      'Counselling sessions by mode',
      'Referral tickets by partner and kind',
      'Services given: people and times',
    ];
    const names = sheetNames(titles);
    names.forEach((name, i) => {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      const full = `${i + 1} ${titles[i]}`.replace(/[[\]:*?/\\]/g, ' ');
      const words = name.split(' ');
      const fullWords = full.split(/\s+/);
      // Each word shown is the whole word in the same place.
      words.forEach((w, j) => expect(fullWords[j]?.replace(/,$/, '')).toBe(w.replace(/,$/, '')));
    });
    expect(names[0]).toBe('1 Victims identified, assisted');
    expect(names[4]).toBe('5 Services given people');
  });

  it('keeps names unique when two titles shorten to the same words', () => {
    const names = sheetNames([
      'Counselling sessions by mode and hotline, first half',
      'Counselling sessions by mode and hotline, second half',
    ]);
    expect(names).toEqual(['1 Counselling sessions by mode', '2 Counselling sessions by mode']);
  });
});
