trigger GovernedTestAlertTrigger on UngovernedWrite__e(after insert) {
  GovernedTestAlertSubscriber.record(Trigger.new);
}
