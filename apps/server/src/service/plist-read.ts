// A strict reader for the XML property lists install writes: enough of XML (declaration,
// doctype, comments, elements, the five entities and character references) to check a plist is
// well-formed and read it back. Status reads the installed agent's port with it, and the tests
// read every written plist back, since no plutil runs here.

export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

interface Element {
  name: string;
  children: Element[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;&<]*);|&/g, (_whole, name: string | undefined) => {
    if (name === undefined) throw new Error(`a bare & near character ${at}`);
    if (name in entities) return entities[name] as string;
    const code = /^#x[0-9a-f]+$/i.test(name)
      ? Number.parseInt(name.slice(2), 16)
      : /^#\d+$/.test(name)
        ? Number(name.slice(1))
        : Number.NaN;
    if (Number.isNaN(code)) throw new Error(`an unknown entity &${name}; near character ${at}`);
    return String.fromCodePoint(code);
  });
}

/** The document's root element, or an Error saying where it is not well-formed. */
function parseXml(source: string): Element {
  const token =
    /<\?[\s\S]*?\?>|<!--([\s\S]*?)-->|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|[^<]+/g;
  const root: Element = { name: '#document', children: [], text: '' };
  const open: Element[] = [root];
  for (const m of source.matchAll(token)) {
    const [whole, comment, closing, name, , selfClosing] = m;
    const at = m.index ?? 0;
    const top = open.at(-1) as Element;
    if (whole === '<') throw new Error(`a stray < at character ${at}`);
    if (whole.startsWith('<?') || whole.startsWith('<!DOCTYPE')) continue;
    if (whole.startsWith('<!--')) {
      if (comment?.includes('--')) throw new Error(`a comment holding -- at character ${at}`);
      continue;
    }
    if (name === undefined) {
      if (open.length === 1 && whole.trim() !== '') throw new Error(`text outside the root at character ${at}`);
      top.text += decode(whole, at);
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}> at character ${at}`);
      open.pop();
    } else {
      const element: Element = { name, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (open.length > 1) throw new Error(`<${(open.at(-1) as Element).name}> is never closed`);
  if (root.children.length !== 1) throw new Error('a document has exactly one root element');
  return root.children[0] as Element;
}

function value(element: Element): PlistValue {
  const leaf = element.name === 'string' || element.name === 'integer' || element.name === 'key';
  if (leaf ? element.children.length > 0 : element.text.trim() !== '')
    throw new Error(`<${element.name}> mixes text and elements`);
  switch (element.name) {
    case 'string':
      return element.text;
    case 'integer':
      if (!/^-?\d+$/.test(element.text.trim())) throw new Error(`<integer>${element.text}</integer>`);
      return Number(element.text);
    case 'true':
    case 'false':
      return element.name === 'true';
    case 'array':
      return element.children.map(value);
    case 'dict': {
      const dict: Record<string, PlistValue> = {};
      for (let i = 0; i < element.children.length; i += 2) {
        const key = element.children[i] as Element;
        const next = element.children[i + 1];
        if (key.name !== 'key' || !next) throw new Error('a <dict> alternates <key> and a value');
        dict[key.text] = value(next);
      }
      return dict;
    }
    default:
      throw new Error(`<${element.name}> is not a plist value ELF writes`);
  }
}

/** Parses a property list; throws an Error naming the first problem. */
export function readPlist(source: string): PlistValue {
  const root = parseXml(source);
  if (root.name !== 'plist' || root.children.length !== 1) throw new Error('the root is not one <plist> value');
  return value(root.children[0] as Element);
}
