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
  await popup.getByLabel('API key').fill(apiKey);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByRole('button', { name: 'Disconnect' }).waitFor();
  await popup.close();
}
