// Platform Cache across transactions (Apex Developer Guide, "Platform Cache Internals"; "Platform Cache
// Considerations": the session cache is not available in anonymous Apex).
import { join } from 'node:path';
import { runAnonymous } from '../../../entry/anonymous';
import { Org } from '../../../org/Org';
import { loadProject } from '../../../project';

function orgWithPartition(): Org {
  const project = loadProject(join(__dirname, '..', '..', '..', 'org', '__tests__', 'fixtures', 'persist'));
  project.cachePartitions = [
    {
      path: 'cachePartitions/Main.cachePartition-meta.xml',
      name: 'Main',
      masterLabel: 'Main',
      isDefaultPartition: true,
      capacity: { organization: 1, session: 1 },
    },
  ];
  return new Org(project, { clock: () => Date.UTC(2026, 11, 1, 9, 0, 0) });
}

function debugOf(org: Org, source: string): string[] {
  const out = runAnonymous(org, source);
  if (out.error) throw new Error(`${out.error.message}\n${out.error.stackTrace ?? ''}`);
  return out.debug.map((d) => d.message);
}

describe('Platform Cache', () => {
  it('keeps org cache values across transactions, as copies', () => {
    const org = orgWithPartition();
    debugOf(
      org,
      `List<String> colors = new List<String>{ 'red' };
       Cache.Org.put('colors', colors);
       colors.add('green');`,
    );
    expect(
      debugOf(org, `System.debug(Cache.Org.get('local.Main.colors')); System.debug(Cache.Org.getKeys());`),
    ).toEqual(['(red)', '{colors}']);
  });

  it('has no session cache in anonymous Apex', () => {
    const org = orgWithPartition();
    expect(
      debugOf(
        org,
        `System.debug(Cache.Session.isAvailable());
         try { Cache.Session.put('k', 1); } catch (Cache.Session.SessionCacheNoSessionException e) { System.debug(e.getTypeName()); }`,
      ),
    ).toEqual(['false', 'Cache.Session.SessionCacheNoSessionException']);
  });

  it('fails loudly for a partition without capacity', () => {
    const org = orgWithPartition();
    (org.project.cachePartitions ?? [])[0]!.capacity.organization = 0;
    const out = runAnonymous(org, `Cache.Org.put('k', 1);`);
    expect(out.error?.message).toMatch(/no allocated capacity/);
  });
});
