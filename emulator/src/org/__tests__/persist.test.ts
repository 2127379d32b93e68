// An org's state exported to JSON and imported into a new org built from the same project is the same state: the
// same records with the same typed values, the same next ids and auto numbers, the same events and notifications.
import { join } from 'node:path';
import { runAnonymous } from '../../entry/anonymous';
import { loadProject } from '../../project';
import { ApexBlob } from '../../values/Blob';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { ApexId } from '../../values/Id';
import { ApexTime } from '../../values/Time';
import { Org } from '../Org';
import { exportOrgState, importOrgState, OrgStateError, valueFromState, valueToState, type OrgState } from '../persist';

const project = loadProject(join(__dirname, 'fixtures', 'persist'));
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);

function newOrg(instance = '5g'): Org {
  return new Org(project, { clock: () => NOW, instance });
}

function debugOf(org: Org, source: string): string[] {
  const out = runAnonymous(org, source);
  if (out.error) throw new Error(`${out.error.message}\n${out.error.stackTrace ?? ''}`);
  return out.debug.map((d) => d.message);
}

/** Gadgets with every field type set, one in the Recycle Bin, a deleted parent whose child lost its lookup, an
 * event published and a notification sent. */
function populatedOrg(): Org {
  const org = newOrg();
  debugOf(
    org,
    String.raw`
      Gadget__c parent = new Gadget__c(Price__c = 1.50, Released__c = Date.newInstance(2026, 3, 5),
        Seen_At__c = Datetime.newInstanceGmt(2026, 3, 5, 10, 30, 15), Opens_At__c = Time.newInstance(8, 15, 0, 250),
        Active__c = true, Notes__c = 'first\nsecond');
      insert parent;
      List<Gadget__c> kids = new List<Gadget__c>{
        new Gadget__c(Parent__c = parent.Id, Price__c = 100), new Gadget__c(Parent__c = parent.Id, Price__c = 2.000) };
      insert kids;
      delete kids[1];
      Gadget__c doomed = new Gadget__c(Price__c = 7);
      insert doomed;
      insert new Gadget__c(Parent__c = doomed.Id, Price__c = 8);
      delete doomed;
      EventBus.publish(new Gadget_Ping__e(Message__c = 'hello'));
      Id typeId = [SELECT Id FROM CustomNotificationType WHERE DeveloperName = 'Gadget_Alert'].Id;
      Messaging.CustomNotification n = new Messaging.CustomNotification();
      n.setNotificationTypeId(typeId);
      n.setTitle('Gadget ready');
      n.setBody('Gadget G-0001 is ready');
      n.setTargetId(parent.Id);
      n.send(new Set<String>{ UserInfo.getUserId() });
    `,
  );
  return org;
}

function roundTrip(org: Org): { state: OrgState; copy: Org } {
  const state = exportOrgState(org);
  const copy = newOrg();
  importOrgState(copy, JSON.parse(JSON.stringify(state)));
  return { state, copy };
}

describe('exportOrgState / importOrgState', () => {
  it('a state saved as JSON and loaded into a new org exports exactly the same state', () => {
    const { state, copy } = roundTrip(populatedOrg());
    expect(exportOrgState(copy)).toEqual(state);
    expect(JSON.stringify(exportOrgState(copy))).toBe(JSON.stringify(state));
  });

  it('keeps each value its Apex type: Decimal scale, Date, Datetime, Time, Boolean, long text, Ids, Blob', () => {
    const { copy } = roundTrip(populatedOrg());
    expect(
      debugOf(
        copy,
        String.raw`
          Gadget__c g = [SELECT Name, Price__c, Released__c, Seen_At__c, Opens_At__c, Active__c, Notes__c
                         FROM Gadget__c WHERE Parent__c = null AND Price__c = 1.50];
          System.debug(g.Name + ' ' + g.Price__c + ' scale ' + g.Price__c.scale());
          System.debug(g.Released__c.year() + '-' + g.Released__c.month() + '-' + g.Released__c.day());
          System.debug(g.Seen_At__c.getTime());
          System.debug(g.Opens_At__c.hour() + ':' + g.Opens_At__c.minute() + '.' + g.Opens_At__c.millisecond());
          System.debug(g.Active__c + ' ' + g.Notes__c.split('\n').size());
          System.debug([SELECT Price__c FROM Gadget__c WHERE Parent__c = :g.Id ORDER BY Price__c][0].Price__c);
          System.debug([SELECT Body FROM StaticResource WHERE Name = 'GadgetManual'].Body.toString().trim());
        `,
      ),
    ).toEqual([
      'G-0001 1.50 scale 2',
      '2026-3-5',
      String(Date.UTC(2026, 2, 5, 10, 30, 15)),
      '8:15.250',
      'true 2',
      '100',
      'gadget manual',
    ]);
  });

  it('keeps the Recycle Bin: a deleted record undeletes, with the lookups its delete cleared', () => {
    const { copy } = roundTrip(populatedOrg());
    expect(
      debugOf(
        copy,
        String.raw`
          System.debug([SELECT COUNT() FROM Gadget__c]);
          Gadget__c binned = [SELECT Id, Price__c FROM Gadget__c WHERE IsDeleted = true AND Price__c = 2.000 ALL ROWS];
          System.debug(binned.Price__c);
          Gadget__c doomed = [SELECT Id FROM Gadget__c WHERE IsDeleted = true AND Price__c = 7 ALL ROWS];
          undelete new List<Gadget__c>{ binned, doomed };
          System.debug([SELECT COUNT() FROM Gadget__c]);
          System.debug([SELECT Parent__c FROM Gadget__c WHERE Price__c = 8].Parent__c == doomed.Id);
        `,
      ),
    ).toEqual(['3', '2.00', '5', 'true']);
  });

  it('mints the same next id and auto number as the org it was saved from', () => {
    const original = populatedOrg();
    const { copy } = roundTrip(original);
    const insertOne = `Gadget__c g = new Gadget__c(Price__c = 9); insert g;
      System.debug(g.Id + ' ' + [SELECT Name FROM Gadget__c WHERE Id = :g.Id].Name);`;
    const next = debugOf(copy, insertOne);
    expect(next).toEqual(debugOf(original, insertOne));
    expect(next[0]).toMatch(/^a\w{17} G-0006$/);
  });

  it('keeps the published platform events and the sent custom notifications', () => {
    const original = populatedOrg();
    const { copy } = roundTrip(original);
    expect(copy.events).toHaveLength(1);
    const [event] = copy.events;
    expect(event?.record.describe.name).toBe('Gadget_Ping__e');
    expect(event?.record.values.get('message__c')).toBe('hello');
    expect(event?.record.values.get('replayid')).toBe(original.events[0]?.record.values.get('replayid'));
    expect(event?.delivered).toBe(true);
    expect(copy.notifications).toEqual(original.notifications);
    expect(copy.notifications[0]).toMatchObject({ title: 'Gadget ready', recipients: [original.seed.adminUserId] });
  });

  it('replaces whatever the importing org held', () => {
    const state = exportOrgState(newOrg());
    const busy = populatedOrg();
    importOrgState(busy, state);
    expect(exportOrgState(busy)).toEqual(state);
    expect(debugOf(busy, 'System.debug([SELECT COUNT() FROM Gadget__c ALL ROWS]);')).toEqual(['0']);
  });

  it('refuses a state it cannot load whole and leaves the org as it was', () => {
    const org = populatedOrg();
    const before = JSON.stringify(exportOrgState(org));
    const state = exportOrgState(newOrg());
    const unknownObject = { ...state, records: [...state.records, { object: 'Spaceship__c', id: 'x', fields: {} }] };
    expect(() => importOrgState(org, unknownObject)).toThrow(/no object Spaceship__c/);
    expect(() => importOrgState(org, { ...state, version: 99 })).toThrow(OrgStateError);
    expect(() => importOrgState(org, { format: 'something else' })).toThrow(/not an org state/);
    expect(() => importOrgState(org, { ...state, ids: { '001': -1 } })).toThrow(/ids.001 must be a count/);
    expect(() => importOrgState(newOrg('xx'), state)).toThrow(/instance '5g'/);
    const badValue = structuredClone(state);
    (badValue.records[0] as { fields: Record<string, unknown> }).fields.name = ['Currency', 1];
    expect(() => importOrgState(org, badValue)).toThrow(/unknown value type Currency/);
    expect(JSON.stringify(exportOrgState(org))).toBe(before);
  });
});

describe('stored values as JSON', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    ['Boolean', false],
    ['String', 'naïve 🚀'],
    ['Integer', -2147483648],
    ['Long', 9223372036854775807n],
    ['Long', -9223372036854775808n],
    ['Decimal 1.50', new ApexDecimal(150n, 2)],
    ['Decimal 1E+3', new ApexDecimal(1n, -3)],
    ['Decimal with 40 digits', new ApexDecimal(1234567890123456789012345678901234567890n, 20)],
    ['Double', new ApexDouble(0.1)],
    ['Double NaN', new ApexDouble(Number.NaN)],
    ['Double -Infinity', new ApexDouble(Number.NEGATIVE_INFINITY)],
    ['Double -0', new ApexDouble(-0)],
    ['Id', ApexId.valueOf('001xx000003DGb2AAG')],
    ['Date before 1970', new ApexDate(-719162)],
    ['Datetime', new ApexDatetime(Date.UTC(2026, 11, 1, 23, 59, 59, 999))],
    ['Time', new ApexTime(86_399_999)],
    ['Blob', new ApexBlob(new Uint8Array([0, 255, 128, 10]))],
  ];

  it.each(cases)('%s survives JSON with its type and value', (_name, value) => {
    const back = valueFromState(JSON.parse(JSON.stringify(valueToState(value as never, 'v'))), 'v');
    expect(back?.constructor).toBe((value as object | null)?.constructor);
    expect(back).toEqual(value);
    if (value instanceof ApexDouble) expect(Object.is((back as ApexDouble).value, value.value)).toBe(true);
  });

  it('refuses what a database field never holds, and text that is not a value', () => {
    expect(() => valueToState({ items: [] } as never, 'Gadget__c.x')).toThrow(/Gadget__c.x: a stored Object/);
    expect(() => valueFromState(['Integer', 2 ** 31], 'v')).toThrow(/not an Integer/);
    expect(() => valueFromState(['Decimal', '1.5', 1], 'v')).toThrow(/not a Decimal/);
    expect(() => valueFromState(12, 'v')).toThrow(/not a stored value/);
  });
});
