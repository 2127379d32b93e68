// Tab and app visibility from profiles and permission sets (UserAccessView.tabVisibility / appVisible), which
// nothing else in the emulator tests. Salesforce Help, "View and Edit Tab Settings in Permission Sets and
// Profiles": a profile sets a tab Default On, Default Off or Tab Hidden; a permission set sets it Visible, Available
// or None; permission sets only add to what the profile gives, so the most visible setting wins. Metadata API,
// "Profile" (tabVisibilities, applicationVisibilities) and "PermissionSet" (tabSettings, applicationVisibilities).
// The standard profiles' own tab and app settings are not documented: the model fails loudly where they decide.
//
// The fixture (fixtures/visibility): the Vis_Item__c tab, the Vis_App app, profiles "Vis Default On" (tab Default
// On, app visible), "Vis Default Off" (Default Off, app not visible) and "Vis Hidden" (Tab Hidden, app not visible),
// and permission sets Vis_Tab_Visible (tab Visible, app visible), Vis_Tab_Available (tab Available) and Vis_Tab_None
// (tab None, app not visible).
import { join } from 'node:path';
import { EmulatorUnsupportedError } from '../../errors';
import { SecOrg } from './harness';

const org = new SecOrg(join(__dirname, 'fixtures', 'visibility'));

function person(profile: string, ...permissionSets: string[]): string {
  const u = org.user(profile);
  for (const ps of permissionSets) org.assign(u, ps);
  return u;
}

const tab = (userId: string): string => org.view(userId).tabVisibility('Vis_Item__c');
const app = (userId: string): boolean => org.view(userId).appVisible('Vis_App');

describe('tab visibility', () => {
  it('a custom profile decides alone: Default On is Visible, Default Off Available, Tab Hidden None', () => {
    expect(tab(person('Vis Default On'))).toBe('Visible');
    expect(tab(person('Vis Default Off'))).toBe('Available');
    expect(tab(person('Vis Hidden'))).toBe('None');
  });

  it('a permission set adds to the profile: the most visible setting wins', () => {
    expect(tab(person('Vis Hidden', 'Vis_Tab_Visible'))).toBe('Visible');
    expect(tab(person('Vis Hidden', 'Vis_Tab_Available'))).toBe('Available');
    expect(tab(person('Vis Default Off', 'Vis_Tab_Visible'))).toBe('Visible');
    expect(tab(person('Vis Hidden', 'Vis_Tab_Available', 'Vis_Tab_Visible'))).toBe('Visible');
  });

  it('a permission set never takes away what the profile shows', () => {
    expect(tab(person('Vis Default On', 'Vis_Tab_None'))).toBe('Visible');
    expect(tab(person('Vis Default On', 'Vis_Tab_Available'))).toBe('Visible');
    expect(tab(person('Vis Default Off', 'Vis_Tab_None'))).toBe('Available');
  });

  it('on a standard profile the permission set decides when it shows the tab', () => {
    expect(tab(person('Standard User', 'Vis_Tab_Visible'))).toBe('Visible');
    expect(tab(person('Standard User', 'Vis_Tab_Available'))).toBe('Available');
  });

  it("fails loudly where only a standard profile's undocumented tab settings could decide", () => {
    expect(() => tab(person('Standard User'))).toThrow(EmulatorUnsupportedError);
    expect(() => tab(person('Standard User', 'Vis_Tab_None'))).toThrow(EmulatorUnsupportedError);
  });
});

describe('app visibility', () => {
  it("a custom profile's applicationVisibilities decide alone", () => {
    expect(app(person('Vis Default On'))).toBe(true);
    expect(app(person('Vis Default Off'))).toBe(false);
  });

  it('a permission set that makes the app visible adds it to any profile', () => {
    expect(app(person('Vis Default Off', 'Vis_Tab_Visible'))).toBe(true);
    expect(app(person('Vis Hidden', 'Vis_Tab_Visible'))).toBe(true);
    expect(app(person('Standard User', 'Vis_Tab_Visible'))).toBe(true);
  });

  it('a permission set that does not make it visible takes nothing away', () => {
    expect(app(person('Vis Default On', 'Vis_Tab_None'))).toBe(true);
    expect(app(person('Vis Default Off', 'Vis_Tab_None'))).toBe(false);
  });

  it("fails loudly where only a standard profile's undocumented app settings could decide", () => {
    expect(() => app(person('Standard User'))).toThrow(EmulatorUnsupportedError);
    expect(() => app(person('Standard User', 'Vis_Tab_None'))).toThrow(EmulatorUnsupportedError);
  });

  it('an assignment removed takes its tab and app away again', () => {
    const u = org.user('Vis Hidden');
    const assignment = org.assign(u, 'Vis_Tab_Visible');
    expect([tab(u), app(u)]).toEqual(['Visible', true]);
    assignment.isDeleted = true;
    expect([tab(u), app(u)]).toEqual(['None', false]);
  });
});
