/** One TwiML element: verb or noun with attributes, children and text. */
export type TTwimlNode = {
  name: string;
  attrs: Record<string, string>;
  children: TTwimlNode[];
  text: string;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? ''),
  );

/**
 * Parses the small XML dialect TwiML is (elements, attributes, text; no DTDs or CDATA needed).
 * Returns the <Response> element; throws on anything that is not well formed.
 */
export function parseTwiml(xml: string): TTwimlNode {
  const root: TTwimlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: TTwimlNode[] = [root];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([A-Za-z][\w.-]*)\s*>|<([A-Za-z][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(xml))) {
    if (match.index !== consumed) throw new Error('malformed TwiML');
    consumed = token.lastIndex;
    const [, close, open, rawAttrs, selfClose, text] = match;
    const top = stack[stack.length - 1] as TTwimlNode;
    if (text !== undefined) top.text += decode(text);
    else if (close) {
      if (top.name !== close) throw new Error(`unexpected </${close}>`);
      top.text = top.text.trim();
      stack.pop();
    } else if (open) {
      const attrs: Record<string, string> = {};
      for (const a of (rawAttrs ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
      const node: TTwimlNode = { name: open, attrs, children: [], text: '' };
      top.children.push(node);
      if (!selfClose) stack.push(node);
    }
  }
  if (consumed !== xml.length || stack.length !== 1) throw new Error('malformed TwiML');
  const response = root.children.find((c) => c.name === 'Response');
  if (!response) throw new Error('TwiML has no <Response>');
  return response;
}
