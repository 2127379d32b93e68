/**
 * Finds keys repeated inside one JSON object, case-insensitively (`{"Amount":1,"amount":2}` or a literal repeat).
 * JSON.parse silently keeps the last one, so intake scans the raw text to refuse a DUPLICATE_FIELD instead of
 * guessing which value the agent meant. Only called on text JSON.parse has accepted.
 */
export interface DuplicateKey {
  /** Path of the object holding the keys, e.g. `actions[0].changes`. */
  objectPath: string;
  /** The repeated key as it appears the second time. */
  key: string;
}

export function findDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  let i = 0;

  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: string): void => {
    skipSpace();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      skipSpace();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        const key = readString();
        if (seen.has(key.toLowerCase())) found.push({ objectPath: path, key });
        seen.add(key.toLowerCase());
        skipSpace();
        i++; // colon
        readValue(path === '' ? key : `${path}.${key}`);
        skipSpace();
        if (text.charAt(i++) === '}') return;
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        readValue(`${path}[${index}]`);
        skipSpace();
        if (text.charAt(i++) === ']') return;
      }
    }
    if (c === '"') {
      readString();
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text.charAt(i))) i++;
  };

  readValue('');
  return found;
}
