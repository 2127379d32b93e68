import { OrgArgsError, parseOrgSetupArgs, parseTestApexArgs } from '../lib/orgArgs';

describe('org:setup arguments', () => {
  it('defaultsToTheActionplaneAliasForSevenDaysWithDemoData', () => {
    expect(parseOrgSetupArgs([])).toEqual({
      help: false,
      options: {
        alias: 'actionplane',
        devHub: null,
        durationDays: 7,
        definitionFile: 'config/project-scratch-def.json',
        demoData: true,
        agentforce: false,
      },
    });
  });

  it('readsEveryOption', () => {
    const parsed = parseOrgSetupArgs([
      '--alias',
      'ap2',
      '--dev-hub',
      'hub@acme.com',
      '--duration-days',
      '30',
      '--no-demo-data',
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        alias: 'ap2',
        devHub: 'hub@acme.com',
        durationDays: 30,
        definitionFile: 'config/project-scratch-def.json',
        demoData: false,
        agentforce: false,
      },
    });
  });

  it('usesTheAgentforceDefinitionWithTheAgentforceFlagUnlessOneIsNamed', () => {
    const withFlag = parseOrgSetupArgs(['--agentforce']);
    expect(withFlag.help === false && withFlag.options).toMatchObject({
      agentforce: true,
      definitionFile: 'config/project-scratch-def-agentforce.json',
    });
    const named = parseOrgSetupArgs(['--agentforce', '--definition-file', 'config/pbo.json']);
    expect(named.help === false && named.options).toMatchObject({
      agentforce: true,
      definitionFile: 'config/pbo.json',
    });
  });

  it('answersHelp', () => {
    expect(parseOrgSetupArgs(['--help'])).toEqual({ help: true });
    expect(parseOrgSetupArgs(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--duration-days', '31'], "--duration-days must be a whole number from 1 to 30, got '31'"],
    [['--duration-days', 'week'], "--duration-days must be a whole number from 1 to 30, got 'week'"],
    [['--alias', 'my org'], "--alias must be an org alias or username, got 'my org'"],
    [['--alais', 'x'], "Unknown option '--alais'"],
    [['extra'], "Unexpected argument 'extra'"],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseOrgSetupArgs(argv)).toThrow(OrgArgsError);
    expect(() => parseOrgSetupArgs(argv)).toThrow(message);
  });
});

describe('test:apex arguments', () => {
  it('defaultsToLocalTestsWithCoverageOnTheSetupOrg', () => {
    expect(parseTestApexArgs([])).toEqual({
      help: false,
      options: {
        targetOrg: 'actionplane',
        classNames: [],
        tests: [],
        codeCoverage: true,
        waitMinutes: 20,
        json: false,
      },
    });
  });

  it('readsClassNamesTestsAndSwitches', () => {
    const classes = parseTestApexArgs([
      '--class-names',
      'IntakeServiceTest, ActionExpiryJobTest',
      '--no-code-coverage',
      '--wait',
      '5',
      '--json',
    ]);
    expect(classes).toEqual({
      help: false,
      options: {
        targetOrg: 'actionplane',
        classNames: ['IntakeServiceTest', 'ActionExpiryJobTest'],
        tests: [],
        codeCoverage: false,
        waitMinutes: 5,
        json: true,
      },
    });
    const methods = parseTestApexArgs(['--tests', 'IntakeServiceTest.rejectsPausedIntake']);
    expect(methods.help === false && methods.options.tests).toEqual(['IntakeServiceTest.rejectsPausedIntake']);
  });

  it.each([
    [['--class-names', 'Good,bad name'], "--class-names has invalid name(s): 'bad name'"],
    [['--tests', 'NoMethod'], "--tests has invalid name(s): 'NoMethod'"],
    [['--class-names', 'A', '--tests', 'A.b'], 'Use either --class-names or --tests, not both'],
    [['--wait', '0'], "--wait must be a whole number from 1 to 120, got '0'"],
    [['--target-org'], "Option '--target-org <value>' argument missing"],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseTestApexArgs(argv)).toThrow(message);
  });
});
