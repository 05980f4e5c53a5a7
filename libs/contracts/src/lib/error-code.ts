/**
 * Every machine-readable error code the API can answer with (DESIGN.md §6).
 * Clients switch on these strings: add codes freely, never rename or reuse one.
 */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  MalformedJson = 'malformed_json',
  UnsupportedMediaType = 'unsupported_media_type',
  PayloadTooLarge = 'payload_too_large',
  RouteNotFound = 'route_not_found',
  NotFound = 'not_found',
  MethodNotAllowed = 'method_not_allowed',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  Conflict = 'conflict',
  TooManyRequests = 'too_many_requests',
  ServiceUnavailable = 'service_unavailable',
  InternalError = 'internal_error',
  ReferenceNotFound = 'reference_not_found',
  InvalidCursor = 'invalid_cursor',
  // Tenancy, identity and access
  SlugTaken = 'slug_taken',
  EmailTaken = 'email_taken',
  StoreCodeTaken = 'store_code_taken',
  InvalidCredentials = 'invalid_credentials',
  InvalidToken = 'invalid_token',
  TokenReused = 'token_reused',
  TooManyAttempts = 'too_many_attempts',
  LastOwner = 'last_owner',
  UserNotFound = 'user_not_found',
  StoreNotFound = 'store_not_found',
  RegisterNotFound = 'register_not_found',
  ApiKeyNotFound = 'api_key_not_found',
  VersionMismatch = 'version_mismatch',
  // Events and audit
  DeadLetterNotFound = 'dead_letter_not_found',
  // Monitoring
  ErrorGroupNotFound = 'error_group_not_found',
  // Catalog
  SkuTaken = 'sku_taken',
  BarcodeTaken = 'barcode_taken',
  CategoryInUse = 'category_in_use',
  CategoryNotFound = 'category_not_found',
  ProductNotFound = 'product_not_found',
  ImportInvalid = 'import_invalid',
  ImportFileUnreadable = 'import_file_unreadable',
  ImportMappingInvalid = 'import_mapping_invalid',
  // Idempotency (DESIGN.md §6)
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyKeyInFlight = 'idempotency_key_in_flight',
  // Customers
  CustomerNotFound = 'customer_not_found',
  CustomerEmailTaken = 'customer_email_taken',
  // Inventory
  InsufficientStock = 'insufficient_stock',
  SameStoreTransfer = 'same_store_transfer',
  // Sales
  SaleNotFound = 'sale_not_found',
  SaleExists = 'sale_exists',
  ReceiptNumberTaken = 'receipt_number_taken',
  TenderShort = 'tender_short',
  PriceOverrideForbidden = 'price_override_forbidden',
  ProductInactive = 'product_inactive',
  SaleVoided = 'sale_voided',
  SaleHasRefunds = 'sale_has_refunds',
  VoidWindowClosed = 'void_window_closed',
  RefundExceedsRemaining = 'refund_exceeds_remaining',
  RefundTenderMismatch = 'refund_tender_mismatch',
  DiscountForbidden = 'discount_forbidden',
  // Webhooks
  WebhookTargetForbidden = 'webhook_target_forbidden',
  WebhookNotFound = 'webhook_not_found',
  WebhookDeliveryNotFound = 'webhook_delivery_not_found',
  // HTTP edge (issue 15): the framework's own refusals
  UriTooLong = 'uri_too_long',
  MalformedRequest = 'malformed_request',
  RequestTimeout = 'request_timeout',
  HeadersTooLarge = 'headers_too_large',
  // The till (issue 19): paired devices and staff PINs
  DeviceRevoked = 'device_revoked',
  DeviceNotFound = 'device_not_found',
  PinInvalid = 'pin_invalid',
  PinLocked = 'pin_locked',
  PinNotSet = 'pin_not_set',
  PinTooWeak = 'pin_too_weak',
  // Mail (issue 19)
  ReceiptEmailLimited = 'receipt_email_limited',
  // Offline sales come only from a paired till (issue 19)
  OfflineSaleForbidden = 'offline_sale_forbidden',
  // Purchasing (issue 26)
  SupplierNotFound = 'supplier_not_found',
  PurchaseOrderNotFound = 'purchase_order_not_found',
  InvalidTransition = 'invalid_transition',
  OverReceipt = 'over_receipt',
  ApprovalLimitExceeded = 'approval_limit_exceeded',
  // Realtime (issue 27)
  NotificationNotFound = 'notification_not_found',
  // Cash shifts (issue 22)
  ShiftAlreadyOpen = 'shift_already_open',
  ShiftNotOpen = 'shift_not_open',
  ShiftClosed = 'shift_closed',
  ShiftNotFound = 'shift_not_found',
  DenominationsMismatch = 'denominations_mismatch',
  // Retired registers (issue 25)
  RegisterRetired = 'register_retired',
  RegisterNotRetirable = 'register_not_retirable',
}

const errorCodes = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && errorCodes.has(value);
}
