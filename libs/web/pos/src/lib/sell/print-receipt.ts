/** What the customer takes away besides the receipt on screen: chosen while paying, none unless asked. */
export type ReceiptChoice = 'none' | 'print' | 'email';

/** The till's receipt printer paper: 80 mm roll, about 72 mm printable. */
export const RECEIPT_PRINT_CSS = `@page{size:80mm auto;margin:0}@media print{html,body{width:72mm;margin:0 auto;padding:0;font-size:11px;background:#fff;color:#000}table{width:100%!important}img{max-width:100%}}`;

/** The API's HTML receipt with the 80 mm print stylesheet, for a frame that prints it. */
export function printableReceipt(html: string): string {
  const style = `<style>${RECEIPT_PRINT_CSS}</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : `${style}${html}`;
}
