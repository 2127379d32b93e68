// FeatureManagement (Apex Reference, "FeatureManagement Class"): checkPermission(apiName) — whether the running
// user holds the custom permission (through a profile, permission set or permission set group). Feature
// parameters of managed packages are not modelled.
import { EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import { defineBuiltin, stringArg } from '../define';

export function registerFeatureManagement(program: Program): void {
  defineBuiltin(program, {
    name: 'FeatureManagement',
    namespace: 'System',
    statics: {
      checkPermission: (t, _s, a) => {
        const name = stringArg(a, 0);
        const security = t.org.security;
        if (!security?.hasCustomPermission) {
          throw new EmulatorUnsupportedError('FeatureManagement.checkPermission (the security model is not loaded)');
        }
        return security.hasCustomPermission(t.userId, name);
      },
      checkPackageBooleanValue: () => {
        throw new EmulatorUnsupportedError('FeatureManagement feature parameters');
      },
      checkPackageIntegerValue: () => {
        throw new EmulatorUnsupportedError('FeatureManagement feature parameters');
      },
      checkPackageDateValue: () => {
        throw new EmulatorUnsupportedError('FeatureManagement feature parameters');
      },
      setPackageBooleanValue: () => {
        throw new EmulatorUnsupportedError('FeatureManagement feature parameters');
      },
      setPackageIntegerValue: () => {
        throw new EmulatorUnsupportedError('FeatureManagement feature parameters');
      },
      setPackageDateValue: () => {
        throw new EmulatorUnsupportedError('FeatureManagement feature parameters');
      },
    },
  });
}
