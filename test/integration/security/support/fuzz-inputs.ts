import fc from 'fast-check';
import { z } from 'zod';

/** The property names a zod object schema declares (empty for anything else). */
export function declaredKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  try {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as {
      properties?: Record<string, unknown>;
    };
    return Object.keys(json.properties ?? {});
  } catch {
    return [];
  }
}

const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '%00',
  'ສາຍດ່ວນ',
  '9'.repeat(400),
  'CA' + 'f'.repeat(32),
  '-1',
  'NaN',
  '1e309',
  'true',
  '[]',
  '{}',
);

export const anyString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  hostileStrings,
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyString, { maxLength: 4 }),
  fc.dictionary(anyString, anyString, { maxKeys: 3 }),
);

/** An object using the schema's own keys (so validation goes deep) plus random extra keys. */
export function objectNear(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const keyArb = keys.length ? fc.oneof(fc.constantFrom(...keys), anyString) : anyString;
  return fc.dictionary(keyArb, anyValue, { maxKeys: Math.max(3, keys.length + 2) });
}

/** Same, with string values only: what a form-encoded body or a query string can carry. */
export function formNear(keys: string[]): fc.Arbitrary<Record<string, string>> {
  const keyArb = keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string()) : fc.string();
  return fc.dictionary(keyArb, anyString, { maxKeys: Math.max(3, keys.length + 2) });
}

export type TRawBody = { contentType: string | undefined; payload: string };

/** Bodies that are not what the route expects at all: wrong type, broken syntax, odd encodings. */
export const rawBody: fc.Arbitrary<TRawBody> = fc.record({
  contentType: fc.constantFrom(
    'application/json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    undefined,
  ),
  payload: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json(),
    fc.constantFrom(
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{}}}',
      '{',
      'a=%zz',
    ),
  ),
});

/** A response body must never show how the server is built. */
export function leaksInternals(body: string): boolean {
  return /\n\s+at |node_modules|\.ts:\d+|\/src\/|stack|ECONNREFUSED|syntax error at/i.test(body);
}
