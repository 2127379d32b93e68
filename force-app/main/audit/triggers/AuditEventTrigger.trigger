trigger AuditEventTrigger on AuditEvent__c(before update, before delete) {
  new AuditEventTriggerHandler().run();
}
