// System (Apex Reference, "System Class"): debug, the assert methods, now/today, async entry points, job
// context queries; Test ("Test Class"); Limits ("Limits Class"); UserInfo ("UserInfo Class").
import { standardPricebookId } from '../../data/dml/products';
import { createStub } from '../../runtime/stubs';
import { approximateHeapSize } from '../../runtime/heap';
import { clearPendingWork, setMock } from '../http/http';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import { concatString, plainText } from '../../runtime/stringify';
import type { Txn } from '../../runtime/transaction';
import { EnumValue, type Value } from '../../runtime/values';
import { Limits, type LimitName } from '../../runtime/limits';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexId } from '../../values/Id';
import { abortJob, asyncState, attachFinalizer, enqueueJob, runQueuedJobs, schedule } from '../async/jobs';
import { deliverEvents, testEventBus } from '../events/eventBus';
import { timeZoneValue } from './timeZone';
import { defineBuiltin, stringArg } from '../define';
import { assertEqualsImpl, assertTrueImpl } from './assert';

const LEVELS = ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST', 'INTERNAL'];

function debug(txn: Txn, args: Value[]): Value {
  let level = 'DEBUG';
  let message: Value = args[0] ?? null;
  if (args.length === 2) {
    const l = args[0];
    level = l instanceof EnumValue ? l.name : 'DEBUG';
    message = args[1] ?? null;
  }
  txn.debugLog.push({ level, line: txn.currentFrame?.line ?? 0, message: concatString(txn, message) });
  return null;
}

function user(txn: Txn): Map<string, Value> {
  const rec = txn.org.db.get(txn.userId);
  if (!rec) throw new EmulatorUnsupportedError(`the running user ${txn.userId} does not exist`);
  return rec.fields;
}

function idValue(v: Value): Value {
  return v instanceof ApexId ? v : v === null || v === undefined ? null : ApexId.valueOf(plainText(v));
}

export function registerSystem(program: Program): void {
  defineBuiltin(program, { name: 'LoggingLevel', namespace: 'System', kind: 'enum', enumValues: LEVELS });
  defineBuiltin(program, {
    name: 'TriggerOperation',
    namespace: 'System',
    kind: 'enum',
    enumValues: [
      'BEFORE_INSERT',
      'BEFORE_UPDATE',
      'BEFORE_DELETE',
      'AFTER_INSERT',
      'AFTER_UPDATE',
      'AFTER_DELETE',
      'AFTER_UNDELETE',
    ],
  });
  defineBuiltin(program, {
    name: 'RoundingMode',
    namespace: 'System',
    kind: 'enum',
    enumValues: ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'],
  });
  defineBuiltin(program, {
    name: 'System',
    namespace: 'System',
    statics: {
      debug: (t, _s, a) => debug(t, a),
      assert: (t, _s, a) => assertTrueImpl(t, a, true),
      assertEquals: (t, _s, a) => assertEqualsImpl(t, a, false),
      assertNotEquals: (t, _s, a) => assertEqualsImpl(t, a, true),
      now: (t) => ApexDatetime.now(t.org.clock()),
      today: (t) => ApexDate.today(t.org.clock(), t.org.userContext(t.userId)),
      currentTimeMillis: (t) => BigInt(t.org.clock()),
      enqueueJob: (t, _s, a) => ApexId.valueOf(enqueueJob(t, a[0] ?? null)),
      attachFinalizer: (t, _s, a) => {
        attachFinalizer(t, a[0] ?? null);
        return null;
      },
      schedule: (t, _s, a) => ApexId.valueOf(schedule(t, stringArg(a, 0), stringArg(a, 1), a[2] ?? null)),
      abortJob: (t, _s, a) => {
        abortJob(t, stringArg(a, 0));
        return null;
      },
      isBatch: (t) => asyncState(t).context === 'BatchApex',
      isFuture: (t) => asyncState(t).context === 'Future',
      isQueueable: (t) => asyncState(t).context === 'Queueable',
      isScheduled: (t) => asyncState(t).context === 'ScheduledApex',
      requestVersion: () => {
        throw new EmulatorUnsupportedError('System.requestVersion (managed package versions)');
      },
      purgeOldAsyncJobs: () => 0,
    },
  });
  defineBuiltin(program, {
    name: 'Test',
    namespace: 'System',
    statics: {
      isRunningTest: (t) => t.isTest,
      startTest: (t) => {
        if (!t.isTest)
          throw new ApexPlatformError('System.UnexpectedException', 'Test.startTest may only be called from a test');
        if (t.testState.started) {
          throw new ApexPlatformError('System.FinalException', 'Testing already started');
        }
        t.testState.started = true;
        clearPendingWork(t);
        const fresh = new Limits(t.isAsync);
        t.scratch.set('limitsBeforeStartTest', t.limits);
        t.limits = fresh;
        return null;
      },
      stopTest: (t) => {
        if (!t.testState.started || t.testState.stopped) {
          throw new ApexPlatformError('System.FinalException', 'Testing has not started');
        }
        t.testState.stopped = true;
        runQueuedJobs(t, true);
        deliverEvents(t);
        const before = t.scratch.get('limitsBeforeStartTest') as Limits | undefined;
        if (before) t.limits = before;
        return null;
      },
      getEventBus: () => testEventBus(),
      setCreatedDate: (t, _s, a) => {
        const id = idValue(a[0] ?? null);
        const rec = id instanceof ApexId ? t.org.db.get(id.value) : undefined;
        if (!rec) throw new ApexPlatformError('System.InvalidParameterValueException', 'The record must exist');
        rec.fields.set('createddate', a[1] ?? null);
        return null;
      },
      calculatePermissionSetGroup: () => null,
      // Apex Reference, "Test Class": getStandardPricebookId() "Returns the ID of the standard price book in the
      // organization ... regardless of whether the test can query organization data".
      getStandardPricebookId: (t) => ApexId.valueOf(standardPricebookId(t)),
      // Apex Reference, "Test Class", setMock(interfaceType, instance): library/http/http.ts.
      setMock: (t, _s, a) => setMock(t, a),
      loadData: () => {
        throw new EmulatorUnsupportedError('Test.loadData');
      },
      setFixedSearchResults: () => {
        throw new EmulatorUnsupportedError('Test.setFixedSearchResults (SOSL)');
      },
      // Apex Reference, "Test Class", createStub(parentType, stubProvider): runtime/stubs.ts.
      createStub: (t, _s, a) => createStub(t, a[0] ?? null, a[1] ?? null),
    },
  });
  const limit =
    (name: LimitName, max = false) =>
    (t: Txn): Value =>
      max ? t.limits.max[name] : t.limits.used[name];
  defineBuiltin(program, {
    name: 'Limits',
    namespace: 'System',
    statics: {
      getQueries: limit('queries'),
      getLimitQueries: limit('queries', true),
      getQueryRows: limit('queryRows'),
      getLimitQueryRows: limit('queryRows', true),
      getDmlStatements: limit('dmlStatements'),
      getLimitDmlStatements: limit('dmlStatements', true),
      getDmlRows: limit('dmlRows'),
      getLimitDmlRows: limit('dmlRows', true),
      getQueueableJobs: limit('queueableJobs'),
      getLimitQueueableJobs: limit('queueableJobs', true),
      getFutureCalls: limit('futureCalls'),
      getLimitFutureCalls: limit('futureCalls', true),
      getCallouts: limit('callouts'),
      getLimitCallouts: limit('callouts', true),
      getEmailInvocations: limit('emailInvocations'),
      getLimitEmailInvocations: limit('emailInvocations', true),
      getSoslQueries: limit('soslQueries'),
      getLimitSoslQueries: limit('soslQueries', true),
      getAggregateQueries: limit('aggregateQueries'),
      getLimitAggregateQueries: limit('aggregateQueries', true),
      getQueryLocatorRows: limit('queryLocatorRows'),
      getLimitQueryLocatorRows: limit('queryLocatorRows', true),
      getPublishImmediateDML: limit('publishImmediateDml'),
      getLimitPublishImmediateDML: limit('publishImmediateDml', true),
      getCpuTime: (t) => t.limits.cpuTime(),
      getLimitCpuTime: (t) => (t.isAsync ? 60000 : 10000),
      getLimitHeapSize: (t) => (t.isAsync ? 12000000 : 6000000),
      // "the approximate amount of memory (in bytes) that has been used for the heap": runtime/heap.ts.
      getHeapSize: (t) => approximateHeapSize(t),
    },
  });
  defineBuiltin(program, {
    name: 'UserInfo',
    namespace: 'System',
    statics: {
      getUserId: (t) => ApexId.valueOf(t.userId),
      getUserName: (t) => user(t).get('username') ?? null,
      getName: (t) => user(t).get('name') ?? null,
      getFirstName: (t) => user(t).get('firstname') ?? null,
      getLastName: (t) => user(t).get('lastname') ?? null,
      getUserEmail: (t) => user(t).get('email') ?? null,
      getProfileId: (t) => user(t).get('profileid') ?? null,
      getUserRoleId: (t) => user(t).get('userroleid') ?? null,
      // User.UserType, set from the user's profile when the user is saved (data/dml/engine.ts, userTypeOfProfile).
      getUserType: (t) => {
        const type = user(t).get('usertype') ?? null;
        if (type === null) throw new EmulatorUnsupportedError('UserInfo.getUserType of a user without a UserType');
        return type;
      },
      getOrganizationId: (t) => ApexId.valueOf(t.org.seed.organizationId),
      getOrganizationName: (t) => t.org.db.get(t.org.seed.organizationId)?.fields.get('name') ?? null,
      getLocale: (t) => t.org.userContext(t.userId).locale,
      getLanguage: (t) => t.org.userContext(t.userId).language,
      getTimeZone: (t) => timeZoneValue(t, t.org.userContext(t.userId).timeZone),
      getDefaultCurrency: () => 'USD',
      isMultiCurrencyOrganization: () => false,
      getUiThemeDisplayed: () => 'Theme4d',
      getUiTheme: () => 'Theme4d',
      getSessionId: () => {
        throw new EmulatorUnsupportedError('UserInfo.getSessionId (no sessions in the emulator)');
      },
      isCurrentUserLicensed: () => {
        throw new EmulatorUnsupportedError('UserInfo.isCurrentUserLicensed (package licenses)');
      },
    },
  });
}
