/**
 * The two scratch org definitions org:setup uses: the default one any Dev Hub can create, and the Agentforce one
 * (--agentforce). Both must allow deploying while the expiry job is scheduled, and the Agentforce one must be the
 * default plus exactly what Agentforce needs, so the two never drift apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScratchOrgDefSchema } from '@salesforce/core';
import { AGENTFORCE_DEFINITION, DEFAULT_DEFINITION } from '../lib/orgArgs';

const ROOT = join(__dirname, '..', '..');

interface Definition {
  orgName: string;
  edition: string;
  features: string[];
  settings: Record<string, Record<string, unknown>>;
}

const read = (file: string): Definition => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Definition;

describe('scratch org definitions', () => {
  it.each([DEFAULT_DEFINITION, AGENTFORCE_DEFINITION])('%s names only settings types the CLI knows', (file) => {
    const definition = read(file);
    expect(() => ScratchOrgDefSchema.parse(definition)).not.toThrow();
    // The CLI's schema lists every settings type it documents (it lets unknown ones through, so compare names).
    const settings = ScratchOrgDefSchema.shape.settings.unwrap();
    const known = Object.keys(settings.shape);
    expect(Object.keys(definition.settings).filter((name) => !known.includes(name))).toEqual([]);
  });

  it.each([DEFAULT_DEFINITION, AGENTFORCE_DEFINITION])('%s allows deploys while Apex jobs are pending', (file) => {
    expect(read(file).settings.deploymentSettings).toEqual({ doesSkipAsyncApexValidation: true });
  });

  it('keepsAgentforceOutOfTheDefaultDefinitionSoAnyDevHubCanCreateIt', () => {
    const definition = read(DEFAULT_DEFINITION);
    expect(definition.features).not.toContain('Einstein1AIPlatform');
    expect(Object.keys(definition.settings)).not.toEqual(expect.arrayContaining(['einsteinGptSettings']));
  });

  it('addsExactlyWhatAgentforceNeedsToTheDefault', () => {
    const base = read(DEFAULT_DEFINITION);
    const agentforce = read(AGENTFORCE_DEFINITION);
    expect(agentforce.edition).toBe(base.edition);
    expect(agentforce.features).toEqual([...base.features, 'Einstein1AIPlatform']);
    expect(agentforce.settings).toEqual({
      ...base.settings,
      einsteinGptSettings: { enableEinsteinGptPlatform: true },
      agentPlatformSettings: { enableAgentPlatform: true },
    });
  });
});
