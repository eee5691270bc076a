/** The resident's pages: the flow behind a link (`/r/<code>`) and the receipt page (`/receipt`). See README.md. */

export { ReceiptPage } from './receipt-page.tsx';
export { ResidentApp } from './resident-app.tsx';
