// Custom labels (Apex Developer Guide, "Custom Labels": `System.Label.Name` / `Label.Name`; Apex Reference,
// "Label Class": Label.get(namespace, label[, language]) and translationExists). The value is the label's own
// text: the emulator has no translations, so a label read in another language fails loudly.
import { plainText } from '../../runtime/stringify';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { defineBuiltin, stringArg } from '../define';

function labelValue(txn: Txn, name: string): string | undefined {
  const lower = name.toLowerCase();
  return txn.org.project.customLabels.find((l) => l.fullName.toLowerCase() === lower)?.value;
}

export function registerLabel(program: Program): void {
  defineBuiltin(program, {
    name: 'Label',
    namespace: 'System',
    staticFallback: (t, name) => {
      const v = labelValue(t, name);
      if (v === undefined) throw new ApexPlatformError('System.NoSuchElementException', `Label ${name} does not exist`);
      return v;
    },
    statics: {
      get: (t, _s, a) => {
        const namespace = a[0] === null || a[0] === undefined ? '' : plainText(a[0]);
        const ours = t.org.project.config.namespace ?? '';
        if (namespace !== '' && namespace.toLowerCase() !== ours.toLowerCase()) {
          throw new EmulatorUnsupportedError(`labels of namespace ${namespace}`);
        }
        if (a.length > 2 && a[2] !== null && plainText(a[2]) !== 'en_US') {
          throw new EmulatorUnsupportedError('label translations');
        }
        const name = stringArg(a, 1);
        const v = labelValue(t, name);
        if (v === undefined)
          throw new ApexPlatformError('System.NoSuchElementException', `Label ${name} does not exist`);
        return v;
      },
      translationExists: (t, _s, a) => {
        const lang = plainText(a[2]);
        return lang === 'en_US' && labelValue(t, stringArg(a, 1)) !== undefined;
      },
    },
  });
}
