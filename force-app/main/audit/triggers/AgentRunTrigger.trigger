trigger AgentRunTrigger on AgentRun__c(before insert, before update, before delete) {
  new ActionPlaneRecordGuard().run();
}
