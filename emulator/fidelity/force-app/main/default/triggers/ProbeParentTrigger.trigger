// Fidelity probes: logs every context it fires in and acts on the switches in ProbeTriggerLog.
trigger ProbeParentTrigger on Probe_Parent__c(
  before insert,
  before update,
  before delete,
  after insert,
  after update,
  after delete,
  after undelete
) {
  ProbeTriggerLog.Snapshot snap = ProbeTriggerLog.capture(
    'Probe_Parent__c',
    Trigger.operationType,
    Trigger.new,
    Trigger.old,
    Trigger.newMap,
    Trigger.oldMap
  );
  snap.isExecuting = Trigger.isExecuting;
  snap.isBefore = Trigger.isBefore;
  snap.isAfter = Trigger.isAfter;
  snap.isInsert = Trigger.isInsert;
  snap.isUpdate = Trigger.isUpdate;
  snap.isDelete = Trigger.isDelete;
  snap.isUndelete = Trigger.isUndelete;
  snap.size = Trigger.size;

  if (Trigger.isBefore && Trigger.isInsert && ProbeTriggerLog.stampTextOnBeforeInsert != null) {
    for (Probe_Parent__c record : Trigger.new) {
      record.Text__c = ProbeTriggerLog.stampTextOnBeforeInsert;
    }
  }
  if (Trigger.isBefore && (Trigger.isInsert || Trigger.isUpdate)) {
    for (Probe_Parent__c record : Trigger.new) {
      if (ProbeTriggerLog.blockedNames.contains(record.Name)) {
        record.addError(ProbeTriggerLog.BLOCK_MESSAGE);
      }
    }
  }
  if (Trigger.isBefore && Trigger.isDelete) {
    for (Probe_Parent__c record : Trigger.old) {
      if (ProbeTriggerLog.blockedNames.contains(record.Name)) {
        record.addError(ProbeTriggerLog.BLOCK_MESSAGE);
      }
    }
  }
  if (Trigger.isAfter && Trigger.isInsert && ProbeTriggerLog.writeInAfterInsert) {
    try {
      Trigger.new[0].Text__c = 'late';
    } catch (System.FinalException e) {
      ProbeTriggerLog.afterInsertWriteExceptionType = e.getTypeName();
      ProbeTriggerLog.afterInsertWriteMessage = e.getMessage();
    }
  }
  if (
    Trigger.isAfter &&
    Trigger.isUpdate &&
    ProbeTriggerLog.updateAgainInAfterUpdate &&
    !ProbeTriggerLog.updatedAgain
  ) {
    ProbeTriggerLog.updatedAgain = true;
    List<Probe_Parent__c> again = new List<Probe_Parent__c>();
    for (Probe_Parent__c record : Trigger.new) {
      again.add(new Probe_Parent__c(Id = record.Id, Text__c = 'again'));
    }
    update again;
  }
}
