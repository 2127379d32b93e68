// The standard-object catalog generated from the API 65 type jar (emulator/scripts/generate-standard-objects.ts):
// for each standard SObject its field names with Apex types, its parent relationships and its child
// relationships. Read once per process, on first use; it is read-only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogObject {
  name: string;
  /** Field → the jar's Apex type (Id, String, Boolean, Integer, Long, Decimal, Date, Datetime, Time, Blob, String[]). */
  fields: Record<string, string>;
  /** Relationship (or compound field) → the SObject class it is typed with (`Name` and `SObject` are polymorphic). */
  parents: Record<string, string>;
  /** Child relationship → child SObject. */
  children: Record<string, string>;
}

export interface StandardCatalog {
  get(name: string): CatalogObject | undefined;
  names(): string[];
}

const CATALOG_FILE = join(__dirname, 'sobject-types-65.jsonl');

let loaded: StandardCatalog | undefined;

/** The jar catalog (cached after the first call). */
export function standardCatalog(): StandardCatalog {
  loaded ??= parseCatalog(readFileSync(CATALOG_FILE, 'utf8'));
  return loaded;
}

export function parseCatalog(text: string): StandardCatalog {
  const byLower = new Map<string, CatalogObject>();
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const o = JSON.parse(line) as CatalogObject;
    byLower.set(o.name.toLowerCase(), o);
  }
  return {
    get: (name) => byLower.get(name.toLowerCase()),
    names: () => [...byLower.values()].map((o) => o.name),
  };
}
