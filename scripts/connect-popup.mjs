// Connects an API key through the extension's popup, as a rep does: the demo, the benchmarks
// and the end-to-end harness all start this way.

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 * @param {string} apiKey
 */
export async function connectThroughPopup(context, extensionId, apiKey) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // By type, not by name: the popup may be in any of the extension's languages.
  await popup.locator('input[type="password"]').fill(apiKey);
  await popup.locator('button[type="submit"]').click();
  await popup.getByTestId('account-email').waitFor();
  await popup.close();
}
