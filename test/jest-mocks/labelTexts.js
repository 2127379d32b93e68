// Jest helper: the real English texts of ActionPlane's custom labels, read from the CustomLabels metadata, so
// component and format tests can assert what a person actually reads. (Without it, sfdx-lwc-jest resolves every
// `@salesforce/label/c.X` import to the string "c.X".) Use it as:
//   jest.mock('c/actionPlaneLabels', () => require('<relative path>/test/jest-mocks/labelTexts').labelsModule());
const fs = require('fs');
const path = require('path');

const LABELS_FILE = path.join(
  __dirname,
  '..',
  '..',
  'force-app',
  'main',
  'app',
  'labels',
  'CustomLabels.labels-meta.xml',
);

function decode(text) {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Label texts by short name (ActionPlane_RejectNeedsReason → rejectNeedsReason). */
function readLabelTexts() {
  const xml = fs.readFileSync(LABELS_FILE, 'utf8');
  const texts = {};
  for (const block of xml.split('<labels>').slice(1)) {
    const fullName = /<fullName>([^<]+)<\/fullName>/.exec(block);
    const value = /<value>([\s\S]*?)<\/value>/.exec(block);
    if (!fullName || !value || !fullName[1].startsWith('ActionPlane_')) continue;
    const name = fullName[1].slice('ActionPlane_'.length);
    texts[name.charAt(0).toLowerCase() + name.slice(1)] = decode(value[1]);
  }
  return texts;
}

/** The c/actionPlaneLabels module with real texts and the real formatLabel. */
function labelsModule() {
  const actual = jest.requireActual('c/actionPlaneLabels');
  return { __esModule: true, ...actual, LABELS: readLabelTexts() };
}

module.exports = { readLabelTexts, labelsModule, LABELS_FILE };
