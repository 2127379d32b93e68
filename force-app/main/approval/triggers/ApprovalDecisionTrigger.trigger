trigger ApprovalDecisionTrigger on ApprovalDecision__c(before insert, before update, before delete) {
  new ActionPlaneRecordGuard().run();
}
