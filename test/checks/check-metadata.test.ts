// Proves lint:metadata bites: malformed XML is reported at its line by the XML check; a file of an unknown metadata
// type fails the sf CLI conversion; the clean fixture passes both.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkSourceConversion, checkXmlWellFormed } from '../../scripts/check-metadata';

const ROOT = join(__dirname, '..', '..');
const fixture = (name: string): string => join(ROOT, 'test', 'fixtures', 'bad-metadata', name);

jest.setTimeout(240_000);

describe('well-formed XML', () => {
  it('reportsAMismatchedTagWithFileAndLine', () => {
    const { findings } = checkXmlWellFormed(fixture('malformed-xml'));
    expect(findings.map((f) => `${f.file.split('/').slice(-3).join('/')}:${f.line}`)).toEqual([
      'Widget__c/fields/Size__c.field-meta.xml:7',
    ]);
  });

  it('passesTheCleanFixture', () => {
    const result = checkXmlWellFormed(fixture('clean'));
    expect(result.findings).toEqual([]);
    expect(result.files).toBe(3);
  });
});

describe('sf project convert source', () => {
  // Measured with sf 2.146.3: a mismatched closing tag, a bare '&' and a missing root close tag in a field file all
  // convert without error. The XML check above is what catches them.
  it('letsMalformedFieldXmlThroughWhichIsWhyTheXmlCheckExists', () => {
    expect(checkSourceConversion(fixture('malformed-xml'))).toEqual([]);
  });

  it('rejectsAFileOfAnUnknownMetadataType', () => {
    const findings = checkSourceConversion(fixture('unknown-type'));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.file).toContain('Sprocket.gadget-meta.xml');
    expect(findings[0]?.message).toContain('Could not infer a metadata type');
  });

  it('convertsTheCleanFixture', () => {
    expect(checkSourceConversion(fixture('clean'))).toEqual([]);
  });
});

describe('npm run lint:metadata', () => {
  it('failsWithFileAndLineForMalformedXml', () => {
    const result = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'scripts', 'check-metadata.ts'), '--dir', fixture('malformed-xml')],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml:7:17 [xml/',
    );
  });
});
