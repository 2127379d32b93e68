// Reading Metadata API XML files (source format) with fast-xml-parser.
//
// Every value stays text, with its whitespace: the Metadata API writes booleans as `true`/`false` and numbers in decimal, and the readers
// convert them through `XmlElement`, which names the file and the element path when a value is not of the expected
// form. Malformed XML is refused with `file:line:col` from fast-xml-parser's validator.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A project file the emulator could not read: the message always names the file (and the line when known). */
export class ProjectLoadError extends Error {
  readonly file: string;

  constructor(file: string, message: string, line?: number, col?: number) {
    super(`${file}${line !== undefined ? `:${line}${col !== undefined ? `:${col}` : ''}` : ''}: ${message}`);
    this.name = 'ProjectLoadError';
    this.file = file;
  }
}

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [key: string]: XmlValue;
}

const ATTR = '@_';
const TEXT = '#text';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  // xsd:string content is whitespace-preserving (XML Schema, "whiteSpace" facet): a label or a custom metadata
  // value keeps its spaces. Whitespace-only text between child elements is layout and is ignored below.
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses one metadata file and returns its root element, checking its name when `expectedRoot` is given. */
export function parseMetadataXml(file: string, xml: string, expectedRoot?: string): XmlElement {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true)
    throw new ProjectLoadError(file, `malformed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const doc = dropLayoutText(parser.parse(xml) as XmlObject);
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && k !== TEXT);
  const [root] = roots;
  if (roots.length !== 1 || root === undefined) throw new ProjectLoadError(file, 'expected exactly one root element');
  if (expectedRoot !== undefined && root !== expectedRoot)
    throw new ProjectLoadError(file, `expected root element <${expectedRoot}>, found <${root}>`);
  const value = doc[root];
  return new XmlElement(file, root, normalise(value ?? ''));
}

/** Removes whitespace-only text from elements that have child elements (indentation between them). */
function dropLayoutText(node: XmlObject): XmlObject {
  const out: XmlObject = {};
  const hasChildren = Object.keys(node).some((k) => !k.startsWith(ATTR) && k !== TEXT);
  for (const [key, value] of Object.entries(node)) {
    if (key === TEXT && hasChildren && typeof value === 'string' && value.trim() === '') continue;
    out[key] = cleanValue(value);
  }
  return out;
}

function cleanValue(value: XmlValue): XmlValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(cleanValue);
  return dropLayoutText(value);
}

function normalise(value: XmlValue): XmlObject {
  if (typeof value === 'string') return value === '' ? {} : { [TEXT]: value };
  if (Array.isArray(value)) return {};
  return value;
}

/** One element of a metadata file, with typed accessors that fail naming `file` and the element path. */
export class XmlElement {
  constructor(
    readonly file: string,
    readonly path: string,
    private readonly node: XmlObject,
  ) {}

  /** Names of the child elements present (attributes and text excluded). */
  keys(): string[] {
    return Object.keys(this.node).filter((k) => !k.startsWith(ATTR) && k !== TEXT);
  }

  has(key: string): boolean {
    return this.node[key] !== undefined;
  }

  /** The element's own text ('' for an empty element). */
  ownText(): string {
    const t = this.node[TEXT];
    return typeof t === 'string' ? t : '';
  }

  attr(name: string): string | undefined {
    const v = this.node[ATTR + name];
    return typeof v === 'string' ? v : undefined;
  }

  /** Text of the single child `key`, or undefined when absent. */
  text(key: string): string | undefined {
    const v = this.node[key];
    if (v === undefined) return undefined;
    if (Array.isArray(v)) this.fail(key, 'appears more than once');
    if (typeof v === 'string') return v;
    const keys = Object.keys(v).filter((k) => !k.startsWith(ATTR));
    if (keys.length === 0) return '';
    if (keys.length === 1 && keys[0] === TEXT) return typeof v[TEXT] === 'string' ? v[TEXT] : '';
    return this.fail(key, 'is an element with children, expected text');
  }

  /** Text of every child `key` (repeated elements). */
  texts(key: string): string[] {
    return this.children(key).map((c) => c.ownText());
  }

  requiredText(key: string): string {
    const t = this.text(key);
    if (t === undefined) return this.fail(key, 'is required');
    return t;
  }

  bool(key: string): boolean | undefined {
    const t = this.text(key);
    if (t === undefined) return undefined;
    if (t === 'true') return true;
    if (t === 'false') return false;
    return this.fail(key, `must be true or false, got '${t}'`);
  }

  int(key: string): number | undefined {
    const t = this.text(key);
    if (t === undefined) return undefined;
    if (!/^-?\d+$/.test(t)) return this.fail(key, `must be an integer, got '${t}'`);
    return Number(t);
  }

  /** The children named `key`, in document order (none, one or many). */
  children(key: string): XmlElement[] {
    const v = this.node[key];
    if (v === undefined) return [];
    const all = Array.isArray(v) ? v : [v];
    return all.map((item) => {
      if (Array.isArray(item)) return this.fail(key, 'has an unexpected nested list');
      return new XmlElement(this.file, `${this.path}.${key}`, normalise(item));
    });
  }

  child(key: string): XmlElement | undefined {
    const all = this.children(key);
    if (all.length > 1) this.fail(key, 'appears more than once');
    return all[0];
  }

  /** A plain-object copy of the element (for attributes the readers do not model yet). */
  raw(): unknown {
    return structuredClone(this.node);
  }

  fail(key: string, message: string): never {
    throw new ProjectLoadError(this.file, `<${this.path}.${key}> ${message}`);
  }
}
