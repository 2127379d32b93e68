trigger GovernedTestInvoiceTrigger on GovernedTest_Invoice__c(
  before insert,
  before update,
  before delete,
  after insert,
  after update,
  after delete
) {
  GovernedWrites.guard(Trigger.new, Trigger.old, Trigger.operationType);
}
