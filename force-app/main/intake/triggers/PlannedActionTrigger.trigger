trigger PlannedActionTrigger on PlannedAction__c(before insert, before update) {
  new PlannedActionTriggerHandler().run();
}
