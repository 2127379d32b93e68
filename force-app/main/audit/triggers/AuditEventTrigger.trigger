trigger AuditEventTrigger on AuditEvent__c(before insert, before update, before delete) {
  new AuditEventTriggerHandler().run();
}
