/**
 * The phone page's address: `phone.html#/s?h=<householdId>&token=<token>`, as the printed card's QR
 * code links it (libs/ledger/src/statements/printable/phone-link.ts). Cards printed before the page
 * had its own bundle link the console's `#/s?…`; the console sends those here (public/old-phone-link.js
 * before the console's JavaScript runs, App.tsx if the hash changes later).
 */
export function phoneAddressFor(hash: string): string {
  // Relative: the console may be served under a sub-path (LEDGER_PUBLIC_URL), phone.html beside it.
  return `phone.html${hash}`;
}

/** The address without the token once it has moved into the tab's session. */
export function phoneAddressWithoutToken(householdId: string): string {
  return `#/s?h=${encodeURIComponent(householdId)}`;
}
