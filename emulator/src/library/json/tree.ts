// A parsed JSON value, kept as the tokens it was read from (so numbers keep their text and messages can quote the
// token a value came from). JSON.deserialize* read the whole input into one tree; JSONParser.readValueAs reads the
// value at the parser's current token.
import { jsonException, type JsonTokenizer, type Token } from './tokenizer';

export type JsonNode =
  | { kind: 'object'; token: Token; entries: [string, JsonNode][] }
  | { kind: 'array'; token: Token; items: JsonNode[] }
  | { kind: 'scalar'; token: Token };

/** The value that starts with `first` (already read from `tokens`); leaves `tokens` after its last token. */
export function readTree(tokens: JsonTokenizer, first: Token): JsonNode {
  if (first.kind === 'START_OBJECT') {
    const entries: [string, JsonNode][] = [];
    for (;;) {
      const t = nextOrFail(tokens);
      if (t.kind === 'END_OBJECT') return { kind: 'object', token: first, entries };
      // The tokenizer only gives FIELD_NAME or END_OBJECT inside an object.
      entries.push([t.text, readTree(tokens, nextOrFail(tokens))]);
    }
  }
  if (first.kind === 'START_ARRAY') {
    const items: JsonNode[] = [];
    for (;;) {
      const t = nextOrFail(tokens);
      if (t.kind === 'END_ARRAY') return { kind: 'array', token: first, items };
      items.push(readTree(tokens, t));
    }
  }
  return { kind: 'scalar', token: first };
}

function nextOrFail(tokens: JsonTokenizer): Token {
  const t = tokens.next();
  // The tokenizer raises end-of-input inside a structure itself; a null here would be a tokenizer bug.
  if (!t) throw jsonException('Unexpected end-of-input');
  return t;
}
