// Fidelity probes: the platform event subscriber; each delivered event becomes a Probe_Parent__c named event:<message>.
trigger ProbeEventTrigger on Probe_Event__e(after insert) {
  List<Probe_Parent__c> records = new List<Probe_Parent__c>();
  for (Probe_Event__e event : Trigger.new) {
    records.add(new Probe_Parent__c(Name = 'event:' + event.Message__c));
  }
  insert records;
}
