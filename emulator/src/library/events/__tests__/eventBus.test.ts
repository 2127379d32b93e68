// EventBus.publish and the governor limits (Apex Reference, "EventBus Class", publish usage): for events that
// publish after commit, each publish call counts as one DML statement, whatever the number of events it carries.
import { join } from 'node:path';
import { runAnonymous } from '../../../entry/anonymous';
import { Org } from '../../../org/Org';
import { loadProject } from '../../../project';

const project = loadProject(join(__dirname, '..', '..', '..', 'org', '__tests__', 'fixtures', 'persist'));

function debugOf(source: string): string[] {
  const out = runAnonymous(new Org(project, { clock: () => Date.UTC(2026, 11, 1, 9, 0, 0) }), source);
  if (out.error) throw new Error(`${out.error.message}\n${out.error.stackTrace ?? ''}`);
  return out.debug.map((d) => d.message);
}

describe('EventBus.publish limits', () => {
  it('counts one DML statement per call for publish-after-commit events, not one per event', () => {
    expect(
      debugOf(String.raw`
        EventBus.publish(new List<Gadget_Ping__e>{ new Gadget_Ping__e(Message__c = 'a'), new Gadget_Ping__e(Message__c = 'b') });
        System.debug(Limits.getDmlStatements() + ' ' + Limits.getPublishImmediateDML());
        EventBus.publish(new Gadget_Ping__e(Message__c = 'c'));
        System.debug(Limits.getDmlStatements() + ' ' + Limits.getPublishImmediateDML());
      `),
    ).toEqual(['1 0', '2 0']);
  });
});
