// Messaging.CustomNotification (Apex Reference, "CustomNotification Class"): a notification of a custom
// notification type, sent to users, groups or queues. The emulator records every sent notification on the org
// (recipients, title, body, target) so tests and the workbench can see them; nothing leaves the org.
import { plainText } from '../../runtime/stringify';
import { ApexPlatformError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexList, ApexObject, ApexSet, type Value } from '../../runtime/values';
import { defineBuiltin } from '../define';

export interface SentNotification {
  typeId: string | null;
  title: string | null;
  body: string | null;
  targetId: string | null;
  targetPageRef: string | null;
  senderId: string | null;
  recipients: string[];
  sentBy: string;
  sentAt: number;
}

interface NotificationState {
  typeId: string | null;
  title: string | null;
  body: string | null;
  targetId: string | null;
  targetPageRef: string | null;
  senderId: string | null;
}

let notificationClass: ClassInfo | undefined;

function st(v: Value): NotificationState {
  return (v as ApexObject).native as NotificationState;
}

function str(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  return plainText(v);
}

function recipientsOf(v: Value): string[] {
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => str(e.key) ?? '');
  if (v instanceof ApexList) return v.items.map((x) => str(x) ?? '');
  throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
}

function send(txn: Txn, self: Value, args: Value[]): Value {
  const n = st(self);
  if (!n.typeId)
    throw new ApexPlatformError('System.InvalidParameterValueException', 'Notification type Id is required.');
  if (!n.title) throw new ApexPlatformError('System.InvalidParameterValueException', 'Notification title is required.');
  if (!n.body) throw new ApexPlatformError('System.InvalidParameterValueException', 'Notification body is required.');
  if (!n.targetId && !n.targetPageRef) {
    throw new ApexPlatformError('System.InvalidParameterValueException', 'Notification target is required.');
  }
  const recipients = recipientsOf(args[0] ?? null);
  if (recipients.length === 0)
    throw new ApexPlatformError('System.InvalidParameterValueException', 'Recipients are required.');
  if (recipients.length > 500) {
    throw new ApexPlatformError(
      'System.InvalidParameterValueException',
      'You can send a notification to at most 500 recipients.',
    );
  }
  txn.org.notifications.push({ ...n, recipients, sentBy: txn.userId, sentAt: txn.org.clock() });
  return null;
}

export function registerCustomNotification(program: Program): void {
  notificationClass = defineBuiltin(program, {
    name: 'CustomNotification',
    namespace: 'Messaging',
    construct: (_t, a) => {
      const state: NotificationState = {
        typeId: null,
        title: null,
        body: null,
        targetId: null,
        targetPageRef: null,
        senderId: null,
      };
      if (a.length === 6) {
        state.typeId = str(a[0]);
        state.senderId = str(a[1]);
        state.title = str(a[2]);
        state.body = str(a[3]);
        state.targetId = str(a[4]);
        state.targetPageRef = str(a[5]);
      }
      return new ApexObject(notificationClass as ClassInfo, state);
    },
    methods: {
      setNotificationTypeId: (_t, s, a) => {
        st(s).typeId = str(a[0]);
        return null;
      },
      setTitle: (_t, s, a) => {
        st(s).title = str(a[0]);
        return null;
      },
      setBody: (_t, s, a) => {
        st(s).body = str(a[0]);
        return null;
      },
      setTargetId: (_t, s, a) => {
        st(s).targetId = str(a[0]);
        return null;
      },
      setTargetPageRef: (_t, s, a) => {
        st(s).targetPageRef = str(a[0]);
        return null;
      },
      setSenderId: (_t, s, a) => {
        st(s).senderId = str(a[0]);
        return null;
      },
      send: (t, s, a) => send(t, s, a),
    },
  });
}
