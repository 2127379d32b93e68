// Standard fields the platform derives on save from other fields (run after before triggers, with the values the
// save writes):
// - Opportunity (Object Reference, "Opportunity",
//   https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm):
//   StageName — "If the StageName is updated, then the ForecastCategoryName, IsClosed, IsWon, and Probability are
//   automatically updated based on the stage-category mapping"; "Each of the fields can be directly set or implied by
//   changing the StageName field". Probability ("Defaulted on create") and ForecastCategoryName are "implied, but not
//   directly controlled, by the StageName field. You can override this field"; ForecastCategory "is automatically set
//   based on the value of the ForecastCategoryName and can't be updated any other way"; IsClosed / IsWon are
//   "Directly controlled by StageName"; ExpectedRevenue "is equal to the product of the opportunity Amount field and
//   the Probability" (a percentage, so Amount × Probability / 100). "Additional Considerations": "If you set Stage
//   and Forecast Category, the opportunity record contains those exact values. If you set Stage but not Forecast
//   Category, the Forecast Category value … defaults to the one associated with trigger Stage."
//   The stage facts are the OpportunityStage values (DefaultProbability, ForecastCategoryName, IsClosed, IsWon).
// - Case ("Case"): IsClosed "is controlled by the Status field; it can't be set directly" ("CaseStatus": IsClosed);
//   ClosedDate "The date and time when the case was closed".
// - Task ("Task"): IsClosed "Is only set indirectly via the Status picklist" ("TaskStatus"); IsHighPriority "is
//   derived from the Priority field" ("TaskPriority").
// A picklist value whose facts the org does not know fails loudly.
import { EmulatorUnsupportedError } from '../../errors';
import { plainText } from '../../runtime/stringify';
import type { Value } from '../../runtime/values';
import type { PicklistValueFacts, SObjectDescribe } from '../../schema/types';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';

/**
 * ForecastCategoryName (the name) → ForecastCategory (its fixed API value), both value lists of Object Reference,
 * "Opportunity": Best Case is BestCase, Commit is Forecast, Most Likely is MostLikely.
 */
const FORECAST_CATEGORY: Record<string, string> = {
  pipeline: 'Pipeline',
  'best case': 'BestCase',
  commit: 'Forecast',
  'most likely': 'MostLikely',
  omitted: 'Omitted',
  closed: 'Closed',
};

export interface DerivationInput {
  describe: SObjectDescribe;
  /** The values the save writes (the whole record on update); derived fields are set in it. */
  values: Map<string, Value>;
  /** The stored values before an update; undefined on insert. */
  before: Map<string, Value> | undefined;
  /** Fields (lower case) the caller or a before trigger set. */
  given: ReadonlySet<string>;
  /** Now, epoch milliseconds. */
  now: number;
}

const text = (v: Value | undefined): string | null => (v === null || v === undefined ? null : plainText(v));

function factsOf(describe: SObjectDescribe, field: string, value: string): PicklistValueFacts {
  const f = describe.fields.get(field);
  const entries = f?.picklistValues ?? [];
  const entry =
    entries.find((p) => p.value === value) ?? entries.find((p) => p.value.toLowerCase() === value.toLowerCase());
  if (!entry?.facts)
    throw new EmulatorUnsupportedError(
      `${describe.name}.${field} value '${value}', whose ${field === 'StageName' ? 'OpportunityStage' : field} facts the emulator does not know`,
    );
  return entry.facts;
}

function fact<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new EmulatorUnsupportedError(what);
  return value;
}

/** Sets the derived standard fields of an Opportunity, Case or Task about to be saved. */
export function deriveStandardFields(input: DerivationInput): void {
  switch (input.describe.name) {
    case 'Opportunity':
      return deriveOpportunity(input);
    case 'Case':
      return deriveCase(input);
    case 'Task':
      return deriveTask(input);
  }
}

function deriveOpportunity({ describe, values, before, given }: DerivationInput): void {
  const stage = text(values.get('stagename'));
  if (stage !== null) {
    const facts = factsOf(describe, 'StageName', stage);
    values.set('isclosed', fact(facts.isClosed, `IsClosed of stage '${stage}'`));
    values.set('iswon', fact(facts.isWon, `IsWon of stage '${stage}'`));
    const stageChanged = before === undefined || stage !== text(before.get('stagename'));
    // On insert a field left null is defaulted; on update a stage change re-derives what the save did not set.
    const implied = (key: string): boolean =>
      stageChanged && (before === undefined ? (values.get(key) ?? null) === null : !given.has(key));
    if (implied('probability')) {
      const p = fact(facts.probability, `the default probability of stage '${stage}'`);
      values.set('probability', ApexDecimal.valueOf(String(p)));
    }
    if (implied('forecastcategoryname'))
      values.set('forecastcategoryname', fact(facts.forecastCategory, `the forecast category of stage '${stage}'`));
  }
  const name = text(values.get('forecastcategoryname'));
  if (name === null) values.set('forecastcategory', null);
  else {
    const category = FORECAST_CATEGORY[name.toLowerCase()];
    if (!category) throw new EmulatorUnsupportedError(`Opportunity.ForecastCategoryName '${name}'`);
    values.set('forecastcategory', category);
  }
  values.set('expectedrevenue', expectedRevenue(values));
}

/** Opportunity.ExpectedRevenue: Amount × Probability / 100, at the currency field's two decimal places. */
export function expectedRevenue(values: Map<string, Value>): Value {
  const amount = values.get('amount') ?? null;
  const probability = values.get('probability') ?? null;
  if (!(amount instanceof ApexDecimal) || !(probability instanceof ApexDecimal)) return null;
  return amount.multiply(probability).divide(ApexDecimal.fromInteger(100), 2, 'HALF_UP');
}

function deriveCase({ describe, values, before, now }: DerivationInput): void {
  const status = text(values.get('status'));
  const closed =
    status === null ? false : fact(factsOf(describe, 'Status', status).isClosed, `IsClosed of '${status}'`);
  const wasClosed = before?.get('isclosed') === true;
  values.set('isclosed', closed);
  // ClosedDate is when the case was closed; a case reopened loses it (the emulator's choice, docs/emulator.md).
  if (closed && !wasClosed) values.set('closeddate', new ApexDatetime(now));
  else if (!closed) values.set('closeddate', null);
}

function deriveTask({ describe, values }: DerivationInput): void {
  const status = text(values.get('status'));
  values.set(
    'isclosed',
    status === null ? false : fact(factsOf(describe, 'Status', status).isClosed, `IsClosed of '${status}'`),
  );
  const priority = text(values.get('priority'));
  values.set(
    'ishighpriority',
    priority === null
      ? false
      : fact(factsOf(describe, 'Priority', priority).isHighPriority, `IsHighPriority of '${priority}'`),
  );
}
