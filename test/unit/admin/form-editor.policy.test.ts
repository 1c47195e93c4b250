import { describe, expect, it } from 'vitest';
import {
  ZFormDefinition,
  initialFormDefinitions,
  type TFormDefinition,
} from '../../../src/contracts/victim-profile';
import {
  editorSections,
  formProblem,
  toDefinition,
} from '../../../web/src/features/admin/components/form-editor.policy';

const shipped = initialFormDefinitions['1362'] as TFormDefinition;

describe("the administrator's form editor", () => {
  it('starts from the current version and publishes exactly it when nothing is ticked differently', () => {
    const sections = editorSections(shipped, shipped);
    expect(toDefinition(sections)).toEqual(shipped);
    expect(formProblem(sections, shipped)).toEqual({ kind: 'unchanged' });
  });

  it('hides a section and a field, and what it publishes is a valid definition', () => {
    const sections = editorSections(shipped, shipped).map((s) =>
      s.key === 'contactReasons'
        ? { ...s, on: false }
        : s.key === 'documents'
          ? { ...s, fields: s.fields.map((f) => ({ ...f, on: f.name !== 'travelDocuments' })) }
          : s,
    );
    const next = toDefinition(sections);
    expect(formProblem(sections, shipped)).toBeNull();
    expect(next.contact).toEqual([]);
    expect(next.person.find((s) => s.key === 'documents')?.fields).toEqual([
      'documentsHeldByOthers',
    ]);
    expect(ZFormDefinition.safeParse(next).success).toBe(true);
  });

  it('offers back what a later version dropped, and refuses an empty section or a field twice', () => {
    const current: TFormDefinition = {
      person: [{ key: 'recruitment', fields: ['recruitmentMethod'] }],
      contact: [],
    };
    const sections = editorSections(current, shipped);
    const recruitment = sections.find((s) => s.key === 'recruitment');
    expect(recruitment?.fields).toEqual([
      { name: 'recruitmentMethod', on: true },
      { name: 'recruiterRelation', on: false },
      { name: 'recruitmentPlace', on: false },
    ]);
    expect(sections.find((s) => s.key === 'contactReasons')).toMatchObject({ on: false });
    const emptied = sections.map((s) =>
      s.key === 'recruitment' ? { ...s, fields: s.fields.map((f) => ({ ...f, on: false })) } : s,
    );
    expect(formProblem(emptied, current)).toEqual({ kind: 'emptySection', section: 'recruitment' });
    const twice = [
      ...sections,
      {
        part: 'person' as const,
        key: 'labour' as const,
        on: true,
        fields: [{ name: 'recruitmentMethod', on: true }],
      },
    ];
    expect(formProblem(twice, current)).toEqual({ kind: 'twice', field: 'recruitmentMethod' });
  });
});
