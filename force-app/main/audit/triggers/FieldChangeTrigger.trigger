trigger FieldChangeTrigger on FieldChange__c(before insert, before update, before delete) {
  new ActionPlaneRecordGuard().run();
}
