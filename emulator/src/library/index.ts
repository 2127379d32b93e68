// The Apex system library the emulator implements, registered on a program in dependency order. Each module cites
// the Apex Reference page it follows; a class or method not registered here is reported as unsupported.
import type { Program } from '../runtime/program';
import { registerAsyncContexts } from './async/contexts';
import { registerPlatformCache } from './cache/platformCache';
import { registerIterator } from './collections/iterator';
import { registerList } from './collections/list';
import { registerMap } from './collections/map';
import { registerSet } from './collections/set';
import { registerDatabase } from './database/database';
import { registerQueryLocator } from './database/queryLocator';
import { registerSavepoint } from './database/savepoint';
import { registerEventBus } from './events/eventBus';
import { registerExceptions } from './lang/exceptions';
import { registerObject } from './lang/object';
import { registerCustomNotification } from './messaging/customNotification';
import { registerEmail } from './messaging/email';
import { registerHttp } from './http/http';
import { registerRest } from './rest/restContext';
import { registerAddress } from './schema/address';
import { registerDescribe } from './schema/describe';
import { registerSObject } from './schema/sobject';
import { registerSecurity } from './security/security';
import { registerAccessLevel } from './system/accessLevel';
import { registerAssert } from './system/assert';
import { registerFeatureManagement } from './system/featureManagement';
import { registerJson } from './json';
import { registerLabel } from './system/label';
import { registerSystem } from './system/system';
import { registerTimeZone } from './system/timeZone';
import { registerTrigger } from './system/trigger';
import { registerUuid } from './system/uuid';
import { registerRequest } from './system/request';
import { registerValueBindings } from './values';

/** Binds further library modules (strings, numbers, dates, JSON …) registered by their own index files. */
const extensions: ((program: Program) => void)[] = [];
export function addLibraryModule(register: (program: Program) => void): void {
  extensions.push(register);
}

export function registerLibrary(program: Program): void {
  registerObject(program);
  registerExceptions(program);
  registerIterator(program);
  registerList(program);
  registerSet(program);
  registerMap(program);
  registerAccessLevel(program);
  registerSystem(program);
  registerAssert(program);
  registerTimeZone(program);
  registerTrigger(program);
  registerUuid(program);
  registerRequest(program);
  registerLabel(program);
  registerFeatureManagement(program);
  registerRest(program);
  registerHttp(program);
  registerSavepoint(program);
  registerQueryLocator(program);
  registerDatabase(program);
  registerAsyncContexts(program);
  registerEventBus(program);
  registerCustomNotification(program);
  registerEmail(program);
  registerPlatformCache(program);
  registerDescribe(program);
  registerAddress(program);
  registerSObject(program);
  registerSecurity(program);
  registerJson(program);
  registerValueBindings(program);
  for (const register of extensions) register(program);
}
