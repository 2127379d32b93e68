import * as fs from 'fs';
import * as path from 'path';
import { formatLabel } from 'c/actionPlaneLabels';

const { readLabelTexts } = jest.requireActual<{ readLabelTexts: () => Record<string, string> }>(
  '../../../../../../test/jest-mocks/labelTexts',
);

describe('formatLabel', () => {
  it('replacesNumberedPlaceholders', () => {
    expect(formatLabel('{0} of {1} approved', 2, 3)).toBe('2 of 3 approved');
    expect(formatLabel('{1} before {0}', 'a', 'b')).toBe('b before a');
  });
  it('leavesMissingPlaceholdersVisible', () => {
    expect(formatLabel('{0} and {1}', 'x')).toBe('x and {1}');
  });
});

/** Every `Label.ActionPlane_X` the package's Apex reads (the explanation sentences the controller builds). */
function apexLabelNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cls')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/\bLabel\.ActionPlane_(\w+)/g))
          names.add(m[1] as string);
      }
    }
  };
  walk(path.join(__dirname, '..', '..', '..', '..'));
  return [...names];
}

describe('custom labels', () => {
  it('hasMetadataForEveryLabelTheComponentsImport', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', 'actionPlaneLabels.ts'), 'utf8');
    const imported = [...source.matchAll(/@salesforce\/label\/c\.ActionPlane_(\w+)'/g)].map((m) => m[1] as string);
    const texts = readLabelTexts();
    expect(imported.length).toBeGreaterThan(100);
    const missing = imported.filter((name) => !(name.charAt(0).toLowerCase() + name.slice(1) in texts));
    expect(missing).toEqual([]);
  });
  it('shipsNoLabelThatNeitherTheComponentsNorTheApexRead', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', 'actionPlaneLabels.ts'), 'utf8');
    const imported = [...source.matchAll(/@salesforce\/label\/c\.ActionPlane_(\w+)'/g)].map((m) => m[1] as string);
    const apex = apexLabelNames();
    expect(apex.length).toBeGreaterThan(5);
    const used = new Set([...imported, ...apex].map((name) => name.charAt(0).toLowerCase() + name.slice(1)));
    expect(Object.keys(readLabelTexts()).filter((name) => !used.has(name))).toEqual([]);
  });
});
