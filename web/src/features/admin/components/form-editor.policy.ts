import type { TFormDefinition } from '../../../../../src/contracts/victim-profile';

export type TFormPart = keyof TFormDefinition;
type TSectionKey = TFormDefinition['person'][number]['key'];
export type TEditorField = { name: string; on: boolean };
export type TEditorSection = {
  part: TFormPart;
  key: TSectionKey;
  on: boolean;
  fields: TEditorField[];
};

const parts: readonly TFormPart[] = ['person', 'contact'];

/**
 * What the editor offers: the current version's sections in their order, each with its fields
 * and those the hotline's shipped form had in it (unticked), then the shipped sections the
 * current version dropped (hidden, fields ticked, so showing one again brings its fields back).
 */
export function editorSections(
  current: TFormDefinition,
  shipped: TFormDefinition,
): TEditorSection[] {
  return parts.flatMap((part) => {
    const shippedOf = new Map<string, readonly string[]>(
      shipped[part].map((s) => [s.key, s.fields]),
    );
    const kept = current[part].map((s) => {
      const extra = (shippedOf.get(s.key) ?? []).filter((f) => !(s.fields as string[]).includes(f));
      return {
        part,
        key: s.key,
        on: true,
        fields: [
          ...s.fields.map((name) => ({ name, on: true })),
          ...extra.map((name) => ({ name, on: false })),
        ],
      };
    });
    const dropped = shipped[part]
      .filter((s) => !current[part].some((c) => c.key === s.key))
      .map((s) => ({
        part,
        key: s.key,
        on: false,
        fields: s.fields.map((name) => ({ name, on: true })),
      }));
    return [...kept, ...dropped];
  });
}

/** The definition to publish: shown sections with their ticked fields, in the editor's order. */
export function toDefinition(sections: readonly TEditorSection[]): TFormDefinition {
  const of = (part: TFormPart) =>
    sections
      .filter((s) => s.part === part && s.on)
      .map((s) => ({ key: s.key, fields: s.fields.filter((f) => f.on).map((f) => f.name) }));
  // The server checks each field against its part's list (ZFormDefinition); the editor only
  // ever offers fields taken from a stored or shipped definition of that part.
  return { person: of('person'), contact: of('contact') } as TFormDefinition;
}

export type TFormProblem =
  | { kind: 'emptySection'; section: string }
  | { kind: 'twice'; field: string }
  | { kind: 'unchanged' };

/** Why the editor's form cannot be published as it stands, or null when it can. */
export function formProblem(
  sections: readonly TEditorSection[],
  current: TFormDefinition,
): TFormProblem | null {
  const empty = sections.find((s) => s.on && !s.fields.some((f) => f.on));
  if (empty) return { kind: 'emptySection', section: empty.key };
  const seen = new Set<string>();
  for (const s of sections.filter((x) => x.on))
    for (const f of s.fields.filter((x) => x.on)) {
      if (seen.has(f.name)) return { kind: 'twice', field: f.name };
      seen.add(f.name);
    }
  if (JSON.stringify(toDefinition(sections)) === JSON.stringify(current))
    return { kind: 'unchanged' };
  return null;
}
