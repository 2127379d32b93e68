// Outbound single e-mail (Apex Reference, "SingleEmailMessage Methods", "Email Class (Base Email Methods)",
// "Messaging Class" sendEmail / reserveSingleEmailCapacity, "SendEmailResult Class"; Apex Developer Guide,
// "Outbound Email"). Nothing leaves the emulator: Messaging.sendEmail records each message (to, cc, bcc, subject,
// bodies, target and what ids), answers a successful SendEmailResult per message, and counts one e-mail invocation
// per call against the limit of 10 (Limits Class, getEmailInvocations). "The email is not sent until the Apex
// transaction is committed" (Apex Developer Guide, "Outbound Email"): a message waits in its transaction and reaches
// the org's sent e-mails when the transaction commits (commitEmails, called by the entry points and the async
// runner); a rolled-back transaction — and a test method, whose transaction never commits — sends none, and
// Database.rollback to a savepoint drops the messages sent after it ("Everything that would be rolled back by
// exception is also rolled back, including … sendEmail": sfdcfox, salesforce.stackexchange.com/questions/295952). A message the emulator cannot judge — no recipient, no body, a template, attachments — fails
// loudly rather than with an invented error. MassEmailMessage, templates and inbound e-mail are not modelled.
import { plainText } from '../../runtime/stringify';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import type { Org } from '../../org/Org';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexObject, ApexSet, type Value } from '../../runtime/values';
import { defineBuiltin } from '../define';

export interface SentEmail {
  toAddresses: string[];
  ccAddresses: string[];
  bccAddresses: string[];
  subject: string | null;
  plainTextBody: string | null;
  htmlBody: string | null;
  targetObjectId: string | null;
  whatId: string | null;
  replyTo: string | null;
  senderDisplayName: string | null;
  sentBy: string;
  sentAt: number;
}

interface EmailState {
  toAddresses: string[] | null;
  ccAddresses: string[] | null;
  bccAddresses: string[] | null;
  subject: string | null;
  plainTextBody: string | null;
  htmlBody: string | null;
  targetObjectId: string | null;
  whatId: string | null;
  replyTo: string | null;
  senderDisplayName: string | null;
  saveAsActivity: boolean;
  useSignature: boolean;
  charset: string | null;
  templateId: string | null;
  orgWideEmailAddressId: string | null;
  bccSender: boolean;
  treatTargetObjectAsRecipient: boolean;
}

const classes = new Map<string, ClassInfo>();

/** The e-mails sent in an org (by committed transactions), oldest first. */
export function sentEmails(org: Org): SentEmail[] {
  return org.caches('sentEmails', () => [] as SentEmail[]);
}

/** The e-mails a transaction has sent so far; they are sent when it commits. */
function pendingEmails(txn: Txn): SentEmail[] {
  return txn.state('pendingEmails', () => [] as SentEmail[]);
}

/** The transaction committed: its e-mails are sent. */
export function commitEmails(txn: Txn): void {
  sentEmails(txn.org).push(...pendingEmails(txn).splice(0));
}

/** How many e-mails the transaction has sent so far (a savepoint's mark). */
export function emailMark(txn: Txn): number {
  return pendingEmails(txn).length;
}

/** Database.rollback to a savepoint: the e-mails sent after its mark are not sent. */
export function discardEmailsAfter(txn: Txn, mark: number): void {
  pendingEmails(txn).splice(mark);
}

function st(v: Value): EmailState {
  if (!(v instanceof ApexObject) || v.cls !== classes.get('single')) {
    throw new ApexPlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
  }
  return v.native as EmailState;
}

function str(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  return plainText(v);
}

function strings(v: Value | undefined): string[] | null {
  if (v === null || v === undefined) return null;
  if (v instanceof ApexList) return v.items.map((x) => str(x) ?? '');
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => str(e.key) ?? '');
  throw new ApexPlatformError('System.TypeException', 'Expected a List<String>');
}

function stringList(values: string[] | null): Value {
  return values === null ? null : new ApexList(STRING_TYPE, values.slice());
}

/** Messaging.sendEmail(emails [, allOrNothing]). */
function sendEmail(txn: Txn, args: Value[]): Value {
  const list = args[0] ?? null;
  if (!(list instanceof ApexList))
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  txn.limits.count('emailInvocations');
  const results: ApexObject[] = [];
  for (const [i, item] of list.items.entries()) {
    if (!(item instanceof ApexObject) || item.cls !== classes.get('single')) {
      throw new EmulatorUnsupportedError(
        `Messaging.sendEmail of a ${item instanceof ApexObject ? item.cls.apexName : 'value'} (only SingleEmailMessage is modelled)`,
      );
    }
    const e = st(item);
    if (e.templateId !== null) throw new EmulatorUnsupportedError('Messaging.sendEmail with an e-mail template');
    const recipients = (e.toAddresses?.length ?? 0) + (e.ccAddresses?.length ?? 0) + (e.bccAddresses?.length ?? 0);
    if (recipients === 0 && e.targetObjectId === null) {
      throw new EmulatorUnsupportedError(
        `Messaging.sendEmail of message ${i} without a recipient (the org's error text is not documented)`,
      );
    }
    if (e.plainTextBody === null && e.htmlBody === null) {
      throw new EmulatorUnsupportedError(
        `Messaging.sendEmail of message ${i} without a body (the org's error text is not documented)`,
      );
    }
    pendingEmails(txn).push({
      toAddresses: e.toAddresses ?? [],
      ccAddresses: e.ccAddresses ?? [],
      bccAddresses: e.bccAddresses ?? [],
      subject: e.subject,
      plainTextBody: e.plainTextBody,
      htmlBody: e.htmlBody,
      targetObjectId: e.targetObjectId,
      whatId: e.whatId,
      replyTo: e.replyTo,
      senderDisplayName: e.senderDisplayName,
      sentBy: txn.userId,
      sentAt: txn.org.clock(),
    });
    results.push(new ApexObject(classes.get('result') as ClassInfo, { success: true }));
  }
  return new ApexList({ kind: 'class', cls: classes.get('result') as ClassInfo }, results);
}

export function registerEmail(program: Program): void {
  const setter =
    (apply: (e: EmailState, a: Value[]) => void) =>
    (_t: Txn, s: Value, a: Value[]): Value => {
      apply(st(s), a);
      return null;
    };
  defineBuiltin(program, {
    name: 'Email',
    namespace: 'Messaging',
    isVirtual: true,
    methods: {
      setSubject: setter((e, a) => (e.subject = str(a[0]))),
      setReplyTo: setter((e, a) => (e.replyTo = str(a[0]))),
      setSenderDisplayName: setter((e, a) => (e.senderDisplayName = str(a[0]))),
      setSaveAsActivity: setter((e, a) => (e.saveAsActivity = a[0] === true)),
      setUseSignature: setter((e, a) => (e.useSignature = a[0] === true)),
      setBccSender: setter((e, a) => (e.bccSender = a[0] === true)),
      setTemplateId: setter((e, a) => (e.templateId = str(a[0]))),
      setEmailPriority: setter(() => undefined),
    },
  });
  classes.set(
    'single',
    defineBuiltin(program, {
      name: 'SingleEmailMessage',
      namespace: 'Messaging',
      superclass: 'messaging.email',
      construct: (_t, _a, c) =>
        new ApexObject(c, {
          toAddresses: null,
          ccAddresses: null,
          bccAddresses: null,
          subject: null,
          plainTextBody: null,
          htmlBody: null,
          targetObjectId: null,
          whatId: null,
          replyTo: null,
          senderDisplayName: null,
          saveAsActivity: true,
          useSignature: true,
          charset: null,
          templateId: null,
          orgWideEmailAddressId: null,
          bccSender: false,
          treatTargetObjectAsRecipient: true,
        } satisfies EmailState),
      methods: {
        setToAddresses: setter((e, a) => (e.toAddresses = strings(a[0]))),
        setCcAddresses: setter((e, a) => (e.ccAddresses = strings(a[0]))),
        setBccAddresses: setter((e, a) => (e.bccAddresses = strings(a[0]))),
        setPlainTextBody: setter((e, a) => (e.plainTextBody = str(a[0]))),
        setHtmlBody: setter((e, a) => (e.htmlBody = str(a[0]))),
        setTargetObjectId: setter((e, a) => (e.targetObjectId = str(a[0]))),
        setWhatId: setter((e, a) => (e.whatId = str(a[0]))),
        setCharset: setter((e, a) => (e.charset = str(a[0]))),
        setOrgWideEmailAddressId: setter((e, a) => (e.orgWideEmailAddressId = str(a[0]))),
        setTreatTargetObjectAsRecipient: setter((e, a) => (e.treatTargetObjectAsRecipient = a[0] === true)),
        setFileAttachments: () => {
          throw new EmulatorUnsupportedError('SingleEmailMessage.setFileAttachments');
        },
        setEntityAttachments: () => {
          throw new EmulatorUnsupportedError('SingleEmailMessage.setEntityAttachments');
        },
        getToAddresses: (_t, s) => stringList(st(s).toAddresses),
        getCcAddresses: (_t, s) => stringList(st(s).ccAddresses),
        getBccAddresses: (_t, s) => stringList(st(s).bccAddresses),
        getSubject: (_t, s) => st(s).subject,
        getPlainTextBody: (_t, s) => st(s).plainTextBody,
        getHtmlBody: (_t, s) => st(s).htmlBody,
        getTargetObjectId: (_t, s) => st(s).targetObjectId,
        getWhatId: (_t, s) => st(s).whatId,
        getCharset: (_t, s) => st(s).charset,
        getTemplateId: (_t, s) => st(s).templateId,
        getOrgWideEmailAddressId: (_t, s) => st(s).orgWideEmailAddressId,
        getTreatTargetObjectAsRecipient: (_t, s) => st(s).treatTargetObjectAsRecipient,
        getSaveAsActivity: (_t, s) => st(s).saveAsActivity,
        getUseSignature: (_t, s) => st(s).useSignature,
        getReplyTo: (_t, s) => st(s).replyTo,
        getSenderDisplayName: (_t, s) => st(s).senderDisplayName,
      },
    }),
  );
  classes.set(
    'result',
    defineBuiltin(program, {
      name: 'SendEmailResult',
      namespace: 'Messaging',
      methods: {
        isSuccess: (_t, s) => ((s as ApexObject).native as { success: boolean }).success,
        getErrors: () => new ApexList({ kind: 'class', cls: classes.get('error') as ClassInfo }, []),
      },
    }),
  );
  classes.set('error', defineBuiltin(program, { name: 'SendEmailError', namespace: 'Messaging' }));
  // `Messaging.sendEmail(…)`: the statics of the Messaging class, reachable by its simple name as System classes are.
  defineBuiltin(program, {
    name: 'Messaging',
    namespace: 'System',
    statics: {
      sendEmail: (t, _s, a) => sendEmail(t, a),
      // "Reserves email capacity to send single email … before sending any emails": the emulator has no daily
      // limit to exceed.
      reserveSingleEmailCapacity: () => null,
      reserveMassEmailCapacity: () => null,
      renderStoredEmailTemplate: () => {
        throw new EmulatorUnsupportedError('Messaging.renderStoredEmailTemplate (e-mail templates)');
      },
    },
  });
}
