import type { Page } from '@playwright/test';

/** A row of the review's table as the user reads it: the reviewed days, then the usual when there is one. */
export function figure(page: Page, name: string) {
  return page
    .locator('.review-table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell');
}
