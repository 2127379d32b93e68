// Products, price books and opportunity line items on save (Object Reference, "Product2", "Pricebook2",
// "PricebookEntry", "OpportunityLineItem", "Opportunity"; Apex Developer Guide, "Testing with the Standard Price
// Book"... Test.getStandardPricebookId):
// - a price book entry takes its product's Name and ProductCode; an entry in a custom price book needs the
//   product's entry in the standard price book first (STANDARD_PRICE_NOT_DEFINED, "No standard price defined for
//   this product");
// - a line item takes Product2Id, ProductCode and ListPrice from its price book entry and its Name from the
//   opportunity and product; with UnitPrice, Subtotal = Quantity × UnitPrice and TotalPrice = Subtotal less
//   Discount %; with TotalPrice, UnitPrice = TotalPrice / Quantity;
// - an opportunity with line items gets the entries' price book, HasOpportunityLineItem, and Amount = the sum of
//   the line items' TotalPrice.
// Only these documented happy paths are modelled. Every other case fails loudly: both or neither of UnitPrice and
// TotalPrice, an inactive entry or one from another price book, a duplicate entry, Product2Id without
// PricebookEntryId, setting Amount or changing the price book of an opportunity with line items, deleting a product
// or entry that line items use, schedules — and the parent's save itself: an opportunity whose project has update
// triggers would run them when its Amount changes, which the emulator does not do.
import { EmulatorUnsupportedError } from '../../errors';
import type { SObjectDescribe } from '../../schema/types';
import type { Txn } from '../../runtime/transaction';
import type { Value } from '../../runtime/values';
import { plainText } from '../../runtime/stringify';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { ApexId } from '../../values/Id';
import type { StoredRecord } from '../Database';
import type { RowError } from './validation';
import { expectedRevenue } from './derivedFields';

const PRODUCT_OBJECTS = new Set(['pricebookentry', 'opportunitylineitem', 'opportunity', 'product2']);

export function isProductObject(describe: SObjectDescribe): boolean {
  return PRODUCT_OBJECTS.has(describe.name.toLowerCase());
}

function idText(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof ApexId ? v.value : ApexId.valueOf(plainText(v)).value;
}

function live(txn: Txn, objectName: string): StoredRecord[] {
  return [...txn.org.db.table(objectName)].filter((r) => !r.isDeleted);
}

function decimal(v: Value | undefined): ApexDecimal | null {
  if (v === null || v === undefined) return null;
  if (v instanceof ApexDecimal) return v;
  if (v instanceof ApexDouble) return ApexDecimal.fromDouble(v.value);
  if (typeof v === 'number') return ApexDecimal.fromInteger(v);
  if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
  return null;
}

/** The org's standard price book (seeded with the org: org/seed.ts). */
export function standardPricebookId(txn: Txn): string {
  const pb = live(txn, 'Pricebook2').find((r) => r.fields.get('isstandard') === true);
  if (!pb) throw new EmulatorUnsupportedError('an org without its standard price book');
  return pb.id;
}

function unsupported(what: string): never {
  throw new EmulatorUnsupportedError(`${what} (the org's answer is not modelled)`);
}

/**
 * Fills the derived fields of a row about to be saved and returns the row error of a documented refusal.
 * `changed` holds the field keys the caller wrote (update), or is null (insert).
 */
export function productValues(
  txn: Txn,
  describe: SObjectDescribe,
  values: Map<string, Value>,
  changed: Set<string> | null,
  storedId: string | null,
): RowError | undefined {
  switch (describe.name) {
    case 'PricebookEntry':
      return entryValues(txn, values, changed, storedId);
    case 'OpportunityLineItem':
      lineItemValues(txn, values, changed);
      return undefined;
    case 'Opportunity':
      if (changed && storedId && hasLineItems(txn, storedId)) {
        if (changed.has('amount'))
          unsupported('setting Amount on an opportunity with line items (Amount is their total)');
        if (changed.has('pricebook2id')) unsupported('changing the price book of an opportunity with line items');
      }
      return undefined;
    default:
      return undefined;
  }
}

function entryValues(
  txn: Txn,
  values: Map<string, Value>,
  changed: Set<string> | null,
  storedId: string | null,
): RowError | undefined {
  const productId = idText(values.get('product2id'));
  const pricebookId = idText(values.get('pricebook2id'));
  if (!productId || !pricebookId) return undefined; // required-field validation reports it
  const product = txn.org.db.get(productId);
  values.set('name', product?.fields.get('name') ?? null);
  values.set('productcode', product?.fields.get('productcode') ?? null);
  if (changed !== null) return undefined;
  const entries = live(txn, 'PricebookEntry').filter(
    (e) => e.id !== storedId && idText(e.fields.get('product2id')) === productId,
  );
  if (entries.some((e) => idText(e.fields.get('pricebook2id')) === pricebookId))
    unsupported('a second price book entry for the same product and price book');
  const standard = standardPricebookId(txn);
  if (pricebookId === standard) {
    if (values.get('usestandardprice') === true) unsupported('UseStandardPrice on a standard price book entry');
    return undefined;
  }
  if (!entries.some((e) => idText(e.fields.get('pricebook2id')) === standard)) {
    return {
      statusCode: 'STANDARD_PRICE_NOT_DEFINED',
      message: 'No standard price defined for this product',
      fields: [],
    };
  }
  return undefined;
}

function lineItemValues(txn: Txn, values: Map<string, Value>, changed: Set<string> | null): void {
  const entryId = idText(values.get('pricebookentryid'));
  if (!entryId) {
    if (values.get('product2id')) unsupported('a line item with Product2Id and no PricebookEntryId');
    unsupported('a line item without PricebookEntryId');
  }
  const entry = txn.org.db.get(entryId);
  if (!entry || entry.isDeleted) return; // the reference check reports it
  const oppId = idText(values.get('opportunityid'));
  const opp = oppId ? txn.org.db.get(oppId) : undefined;
  if (changed === null) {
    if (entry.fields.get('isactive') !== true) unsupported('a line item of an inactive price book entry');
    const oppBook = idText(opp?.fields.get('pricebook2id'));
    if (oppBook && oppBook !== idText(entry.fields.get('pricebook2id')))
      unsupported("a line item whose price book entry is not in the opportunity's price book");
    const productId = idText(entry.fields.get('product2id'));
    const product = productId ? txn.org.db.get(productId) : undefined;
    values.set('product2id', entry.fields.get('product2id') ?? null);
    values.set('productcode', entry.fields.get('productcode') ?? null);
    values.set('listprice', entry.fields.get('unitprice') ?? null);
    values.set(
      'name',
      `${plainText(opp?.fields.get('name') ?? '')} ${plainText(product?.fields.get('name') ?? '')}`.trim(),
    );
  }
  const quantity = decimal(values.get('quantity'));
  if (quantity === null) return; // required-field validation reports it
  const wroteUnit = changed === null ? values.get('unitprice') != null : changed.has('unitprice');
  const wroteTotal = changed === null ? values.get('totalprice') != null : changed.has('totalprice');
  if (wroteUnit && wroteTotal) unsupported('a line item given both UnitPrice and TotalPrice');
  const discount = decimal(values.get('discount'));
  if (wroteTotal || (changed !== null && !wroteUnit && !changed.has('quantity') && !changed.has('discount'))) {
    if (!wroteTotal) return;
    if (discount !== null) unsupported('a line item with TotalPrice and Discount');
    const total = decimal(values.get('totalprice'));
    if (total === null) unsupported('a line item with a null TotalPrice');
    if (quantity.compareTo(ApexDecimal.fromInteger(0)) === 0) unsupported('a line item with Quantity 0');
    const unit = total.divide(quantity, 2, 'HALF_UP');
    values.set('unitprice', unit);
    values.set('subtotal', quantity.multiply(unit).setScale(2, 'HALF_UP'));
    return;
  }
  const unit = decimal(values.get('unitprice'));
  if (unit === null) unsupported('a line item without UnitPrice or TotalPrice');
  const subtotal = quantity.multiply(unit);
  const hundred = ApexDecimal.fromInteger(100);
  const total =
    discount === null ? subtotal : subtotal.multiply(hundred.subtract(discount)).divide(hundred, 2, 'HALF_UP');
  values.set('subtotal', subtotal.setScale(2, 'HALF_UP'));
  values.set('totalprice', total.setScale(2, 'HALF_UP'));
}

function hasLineItems(txn: Txn, oppId: string): boolean {
  return live(txn, 'OpportunityLineItem').some((l) => idText(l.fields.get('opportunityid')) === oppId);
}

/** Refuses deleting products and entries that line items use (the org's rules for it are not modelled). */
export function checkProductDelete(txn: Txn, describe: SObjectDescribe, ids: string[]): void {
  if (describe.name !== 'Product2' && describe.name !== 'PricebookEntry') return;
  const gone = new Set(ids);
  const entries =
    describe.name === 'PricebookEntry'
      ? gone
      : new Set(
          live(txn, 'PricebookEntry')
            .filter((e) => gone.has(idText(e.fields.get('product2id')) ?? ''))
            .map((e) => e.id),
        );
  if (live(txn, 'OpportunityLineItem').some((l) => entries.has(idText(l.fields.get('pricebookentryid')) ?? '')))
    unsupported(`deleting a ${describe.name} that opportunity line items use`);
}

/** After line items change: their opportunities' price book, HasOpportunityLineItem and Amount. */
export function rollUpLineItems(txn: Txn, describe: SObjectDescribe, records: StoredRecord[]): void {
  if (describe.name === 'Product2') {
    // Entries show their product's current Name and ProductCode.
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const e of live(txn, 'PricebookEntry')) {
      const p = byId.get(idText(e.fields.get('product2id')) ?? '');
      if (!p) continue;
      e.fields.set('name', p.fields.get('name') ?? null);
      e.fields.set('productcode', p.fields.get('productcode') ?? null);
    }
    return;
  }
  if (describe.name !== 'OpportunityLineItem') return;
  const oppIds = new Set(records.map((r) => idText(r.fields.get('opportunityid'))).filter((x): x is string => !!x));
  if (oppIds.size === 0) return;
  if (
    txn.program.triggers.some(
      (t) => t.object.toLowerCase() === 'opportunity' && t.events.some((e) => e.endsWith('update')),
    )
  )
    unsupported(
      "a line item change that updates its opportunity's Amount while the project has Opportunity update triggers",
    );
  const lines = live(txn, 'OpportunityLineItem');
  for (const oppId of oppIds) {
    const opp = txn.org.db.get(oppId);
    if (!opp || opp.isDeleted) continue;
    const mine = lines.filter((l) => idText(l.fields.get('opportunityid')) === oppId);
    opp.fields.set('hasopportunitylineitem', mine.length > 0);
    if (mine.length === 0) continue;
    let amount = ApexDecimal.fromInteger(0);
    for (const l of mine) amount = amount.add(decimal(l.fields.get('totalprice')) ?? ApexDecimal.fromInteger(0));
    opp.fields.set('amount', amount.setScale(2, 'HALF_UP'));
    opp.fields.set('expectedrevenue', expectedRevenue(opp.fields));
    if (!opp.fields.get('pricebook2id')) {
      const entry = txn.org.db.get(idText(mine[0]?.fields.get('pricebookentryid')) ?? '');
      opp.fields.set('pricebook2id', entry?.fields.get('pricebook2id') ?? null);
    }
  }
}
