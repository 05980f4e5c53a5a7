import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

export const supplierNotFound = (field?: string) =>
  new ApiException(ErrorCode.SupplierNotFound, 'No such supplier.', field ? [{ field, message: 'not a supplier of this shop' }] : undefined);

export const purchaseOrderNotFound = () => new ApiException(ErrorCode.PurchaseOrderNotFound, 'No such purchase order.');

export const invalidTransition = (from: string, action: string) =>
  new ApiException(ErrorCode.InvalidTransition, `A ${from.replace('_', ' ')} purchase order cannot ${action.replace('_', ' ')}.`, [
    { field: 'status', message: `${action} is not allowed from ${from}` },
  ]);

export const overReceipt = (field: string, outstanding: number, quantity: number) =>
  new ApiException(ErrorCode.OverReceipt, 'The receipt is more than was ordered; send allowOver (purchasing:approve) to take it in anyway.', [
    { field, message: `${quantity} is more than the ${Math.max(outstanding, 0)} still due` },
  ]);

export const approvalLimitExceeded = (totalMinor: number, thresholdMinor: number) =>
  new ApiException(
    ErrorCode.ApprovalLimitExceeded,
    `The order's total ${totalMinor} is above the shop's approval threshold ${thresholdMinor}: an owner approves it.`,
  );
