import { ErrorCode } from '@kassa/contracts';
import { ApiException, forbidden, invalidField } from '@kassa/api/http';

export const saleNotFound = () => new ApiException(ErrorCode.SaleNotFound, 'No such sale.');

export const saleExists = () =>
  new ApiException(ErrorCode.SaleExists, 'A different sale was recorded with this id.', [{ field: 'id', message: 'already used by another sale' }]);

export const saleVoided = () => new ApiException(ErrorCode.SaleVoided, 'The sale was voided.');

export const saleTooLarge = (grossMinor: bigint, maxMinor: number) =>
  invalidField('lines', `the lines add up to ${grossMinor} minor units; at most ${maxMinor}`, 'The sale is larger than a sale can be.');

export const productInactive = (name: string, field: string) =>
  new ApiException(ErrorCode.ProductInactive, `${name} is not for sale.`, [{ field, message: 'the product is inactive' }]);

export const priceOverrideForbidden = (catalogPriceMinor: number, field: string) =>
  new ApiException(ErrorCode.PriceOverrideForbidden, 'Changing a price needs the sales:override_price permission.', [
    { field, message: `the catalog price is ${catalogPriceMinor}` },
  ]);

/** Line and sale discounts together beyond the seller's allowance, naming the discounts that went too far. */
export const discountForbidden = (fields: readonly string[], allowanceBps: number | null, grossMinor: number, discountMinor: number) => {
  const message = `line and sale discounts together may take at most ${allowanceBps} bps of the gross ${grossMinor}; these take ${discountMinor}`;
  return new ApiException(
    ErrorCode.DiscountForbidden,
    'The discount is beyond what you may grant.',
    fields.map((field) => ({ field, message })),
  );
};

export const changeOnlyInCash = (totalMinor: number) =>
  invalidField('tenders', `card and other tenders exceed the total of ${totalMinor}`, 'Only cash can be handed back as change.');

export const tenderShort = (tenderedMinor: number, totalMinor: number) =>
  new ApiException(ErrorCode.TenderShort, `The tenders cover ${tenderedMinor} of ${totalMinor}.`, [
    { field: 'tenders', message: `${totalMinor - tenderedMinor} short of the total` },
  ]);

export const receiptNumberTaken = (receiptNumber: number | undefined) =>
  new ApiException(ErrorCode.ReceiptNumberTaken, `Receipt ${receiptNumber} of this register is another sale.`, [
    { field: 'receiptNumber', message: 'already used on this register' },
  ]);

export const receiptNumberRequired = () => invalidField('receiptNumber', 'required for a sale on a POS register', 'A POS register numbers its own receipts.');

export const receiptNumberNotAllowed = () =>
  invalidField('receiptNumber', 'only POS registers send receipt numbers', "The server numbers the api register's receipts.");

export const refundTenderMismatch = (totalMinor: number, tenderedMinor: number) =>
  new ApiException(ErrorCode.RefundTenderMismatch, `The refund is ${totalMinor}; the tenders give back ${tenderedMinor}.`, [
    { field: 'tenders', message: `must add up to ${totalMinor}` },
  ]);

export const saleLineNotFound = (field: string) =>
  new ApiException(ErrorCode.ReferenceNotFound, 'No such line on this sale.', [{ field, message: 'not a line of the sale' }]);

export const refundExceedsRemaining = (left: number, field: string) =>
  new ApiException(ErrorCode.RefundExceedsRemaining, `Only ${left} of that line can still be refunded.`, [{ field, message: `at most ${left}` }]);

export const saleHasRefunds = () => new ApiException(ErrorCode.SaleHasRefunds, 'Part of the sale was refunded: refund the rest instead of voiding it.');

export const voidWindowClosed = () => new ApiException(ErrorCode.VoidWindowClosed, 'A sale can be voided only on its own business day; refund it instead.');

export const receiptEmailLimited = (retryAfterSeconds: number) =>
  new ApiException(ErrorCode.ReceiptEmailLimited, 'The shop has emailed as many receipts as it may this hour. Try again later.', undefined, {
    'retry-after': String(retryAfterSeconds),
  });

export const offlineSaleForbidden = (field: 'offline' | 'registerId' | 'cashierId', message: string) =>
  new ApiException(
    ErrorCode.OfflineSaleForbidden,
    "Offline sales come only from a till for its own register, or from a device manager importing a till's queue.",
    [{ field, message }],
  );

export const offlineTenderInvalid = (index: number) =>
  invalidField(`tenders.${index}.offline`, 'only a card tender of an offline sale', 'Only card tenders of offline sales are taken offline.');

export const cashierMayNotSell = () =>
  invalidField('cashierId', 'not an active user who may sell at this store', 'The recorded cashier may not sell at this store.');

export const shiftNotFound = () => new ApiException(ErrorCode.ShiftNotFound, 'No such shift.');

export const shiftAlreadyOpen = () =>
  new ApiException(ErrorCode.ShiftAlreadyOpen, 'The register has an open shift already: close it first.', [
    { field: 'registerId', message: 'has an open shift' },
  ]);

export const shiftNotOpen = () =>
  new ApiException(ErrorCode.ShiftNotOpen, 'The shop sells only on a register with an open shift: open one first.', [
    { field: 'registerId', message: 'has no open shift' },
  ]);

export const shiftClosed = () => new ApiException(ErrorCode.ShiftClosed, 'The shift is closed.');

export const shiftIdTaken = () =>
  new ApiException(ErrorCode.Conflict, 'Another request was recorded with this id.', [{ field: 'id', message: 'already used with another body' }]);

export const denominationsMismatch = (countedMinor: number, summedMinor: number) =>
  new ApiException(ErrorCode.DenominationsMismatch, `The notes and coins add up to ${summedMinor}, not ${countedMinor}.`, [
    { field: 'denominations', message: `must add up to countedCashMinor (${countedMinor})` },
  ]);

export const shiftTimeFromTillOnly = () =>
  forbidden('Only the till of the shift’s register may say when it happened.', [
    { field: 'occurredAt', message: "only a user signed in by PIN on the register's own till sends it" },
  ]);

export const refundExists = () =>
  new ApiException(ErrorCode.IdempotencyKeyReused, 'A different refund was recorded with this id.', [
    { field: 'id', message: 'already used by another refund' },
  ]);

/** A cashier's refund (no `sales:refund`) made online without a manager's PIN. */
export const refundNeedsApproval = () =>
  forbidden('A refund needs the permission sales:refund or the approval of a user who holds it.', [
    { field: 'approval', message: 'a user holding sales:refund approves with their PIN' },
  ]);

/** The approver's PIN was right, but they may not approve this: their role lacks the permission, or they work in other stores. */
export const approverMayNot = (permission: string, reason: 'permission' | 'store') =>
  forbidden(`The approver cannot approve this.`, [
    { field: 'approval.userId', message: reason === 'permission' ? `does not hold ${permission}` : "does not work in the sale's store" },
  ]);

export const offlineRefundNotFound = () => new ApiException(ErrorCode.NotFound, 'No such offline refund.');

export const refundLineTwice = () => invalidField('lines', 'each sale line may appear once', 'A line of the sale is named twice.');
