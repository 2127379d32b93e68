// Two Jest projects: LWC components (the Salesforce preset, jsdom) and the Node/TypeScript code (decision core,
// CLI, workbench, scripts) transformed by SWC.
const { jestConfig: lwcPreset } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  projects: [
    {
      ...lwcPreset,
      displayName: 'lwc',
      rootDir: __dirname,
      roots: ['<rootDir>/force-app'],
      testMatch: ['**/lwc/**/__tests__/**/*.test.[jt]s'],
      moduleNameMapper: {
        ...(lwcPreset.moduleNameMapper ?? {}),
        '^lightning/navigation$': '<rootDir>/test/jest-mocks/lightning/navigation',
        '^lightning/platformShowToastEvent$': '<rootDir>/test/jest-mocks/lightning/platformShowToastEvent',
        '^lightning/uiRecordApi$': '<rootDir>/test/jest-mocks/lightning/uiRecordApi',
      },
    },
    {
      displayName: 'node',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: [
        '<rootDir>/src',
        '<rootDir>/test',
        '<rootDir>/scripts',
        '<rootDir>/workbench',
        '<rootDir>/clients',
        '<rootDir>/emulator',
      ],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/browser/', '/test/fixtures/'],
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
    },
  ],
};
