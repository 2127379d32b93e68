trigger PlannedActionTrigger on PlannedAction__c(before insert, before update, before delete) {
  new PlannedActionTriggerHandler().run();
}
