// Fidelity probes: logs before and after insert of Probe_Lookup__c; can fill the required field before validation.
trigger ProbeLookupTrigger on Probe_Lookup__c(before insert, after insert) {
  ProbeTriggerLog.Snapshot snap = ProbeTriggerLog.capture(
    'Probe_Lookup__c',
    Trigger.operationType,
    Trigger.new,
    Trigger.old,
    Trigger.newMap,
    Trigger.oldMap
  );
  snap.isBefore = Trigger.isBefore;
  snap.isAfter = Trigger.isAfter;
  snap.size = Trigger.size;
  if (Trigger.isBefore && ProbeTriggerLog.fillRequiredCode != null) {
    for (Probe_Lookup__c record : Trigger.new) {
      record.Required_Code__c = ProbeTriggerLog.fillRequiredCode;
    }
  }
}
