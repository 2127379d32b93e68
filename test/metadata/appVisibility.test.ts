/**
 * The approver's surface is the ActionPlane Lightning app: its Approval Inbox tab, and the action and run record
 * pages it opens. A user sees an app and its tabs only when a profile or permission set grants them, so the
 * Approver and Admin permission sets must grant the app and every tab it lists; the Agent permission set (an
 * integration user) grants neither. Read from the metadata files themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const APP_DIR = join(__dirname, '..', '..', 'force-app', 'main', 'app');
const PERMISSION_SETS = join(__dirname, '..', '..', 'force-app', 'main', 'intake', 'permissionsets');
const xml = new XMLParser({ isArray: (name) => ['tabs', 'tabSettings', 'applicationVisibilities'].includes(name) });

interface PermissionSetXml {
  PermissionSet: {
    applicationVisibilities?: { application: string; visible: boolean }[];
    tabSettings?: { tab: string; visibility: string }[];
  };
}

const permissionSet = (name: string): PermissionSetXml['PermissionSet'] =>
  (xml.parse(readFileSync(join(PERMISSION_SETS, `${name}.permissionset-meta.xml`), 'utf8')) as PermissionSetXml)
    .PermissionSet;

const appTabs = (): string[] =>
  (
    xml.parse(readFileSync(join(APP_DIR, 'applications', 'ActionPlane.app-meta.xml'), 'utf8')) as {
      CustomApplication: { tabs: string[] };
    }
  ).CustomApplication.tabs;

describe('ActionPlane app and tab visibility', () => {
  it('listsOnlyTabsThePackageDefines', () => {
    const defined = readdirSync(join(APP_DIR, 'tabs')).map((f) => f.replace(/\.tab-meta\.xml$/, ''));
    expect(appTabs().filter((tab) => !defined.includes(tab))).toEqual([]);
  });

  it.each(['ActionPlane_Approver', 'ActionPlane_Admin'])('%s sees the app and every tab it lists', (name) => {
    const set = permissionSet(name);
    expect(set.applicationVisibilities).toEqual([{ application: 'ActionPlane', visible: true }]);
    const visible = (set.tabSettings ?? []).filter((t) => t.visibility === 'Visible').map((t) => t.tab);
    expect(visible.sort()).toEqual([...appTabs()].sort());
  });

  it('givesTheAgentNeitherTheAppNorItsTabs', () => {
    const set = permissionSet('ActionPlane_Agent');
    expect(set.applicationVisibilities ?? []).toEqual([]);
    expect(set.tabSettings ?? []).toEqual([]);
  });
});
