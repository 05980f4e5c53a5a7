export { CountImportView } from './lib/count-import-view';
export { CountView } from './lib/count-view';
export { LedgerView } from './lib/ledger-view';
export { LevelsView } from './lib/levels-view';
export { ProductStockView } from './lib/product-stock-view';
export { TransferView } from './lib/transfer-view';
