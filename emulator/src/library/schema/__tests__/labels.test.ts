// Standard field labels: the Salesforce Field Reference's "Field Label" column (schema/standard/fieldLabels.ts); a
// standard field whose label the emulator does not know fails loudly in describe getLabel() instead of answering
// its API name.
import { join } from 'node:path';
import { runAnonymous } from '../../../entry/anonymous';
import { Org } from '../../../org/Org';
import { loadProject } from '../../../project';
import { FIELD_REFERENCE_LABELS } from '../../../schema/standard/fieldLabels';

const project = loadProject(join(__dirname, '..', '..', '..', 'entry', '__tests__', 'fixtures', 'gaps'));

describe('standard field labels', () => {
  it('agree with the Field Reference tables wherever the overlay names a label of its own', () => {
    const org = new Org(project);
    for (const [object, labels] of Object.entries(FIELD_REFERENCE_LABELS)) {
      const d = org.schema.get(object);
      if (!d) throw new Error(`no ${object}`);
      for (const [field, label] of Object.entries(labels)) {
        const f = d.fields.get(field);
        if (f) expect(`${object}.${field}: ${f.label}`).toBe(`${object}.${field}: ${label}`);
      }
    }
  });

  it('fail loudly in getLabel() for a standard field the tables do not list', () => {
    const out = runAnonymous(new Org(project), 'System.debug(Schema.SObjectType.Task.fields.Type.getLabel());');
    expect(out.error?.message).toMatch(/the label of standard field Task\.Type .*is not supported by the emulator/);
  });

  it('answer the label of a listed field', () => {
    const out = runAnonymous(
      new Org(project),
      'System.debug(Schema.SObjectType.Opportunity.fields.NextStep.getLabel());',
    );
    expect(out.error).toBeUndefined();
    expect(out.debug.map((d) => d.message)).toEqual(['Next Step']);
  });
});
