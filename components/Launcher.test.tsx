import { beforeEach, expect, it, vi } from 'vitest';

const asked = vi.fn();
vi.mock('@/utils/content/ask-background', () => ({
  askBackground: async (message: unknown) => {
    asked(message);
    return { ok: true, value: { shortcut: '' } };
  },
}));
const { createLauncher } = await import('./Launcher');

beforeEach(() => asked.mockClear());
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

it('its tooltip says the shortcut is not set when the browser left it unset, and where to change it', async () => {
  const button = createLauncher(vi.fn(), vi.fn());
  await settle();
  expect(asked).toHaveBeenCalledWith({ type: 'shortcut.get' });
  expect(button.title).toMatch(/not set/);
  expect(button.title).toMatch(/chrome:\/\/extensions\/shortcuts/);
});

it('reads the shortcut again on a real pointer or focus only: a page script\'s events ask nothing', async () => {
  const intent = vi.fn();
  const button = createLauncher(vi.fn(), intent);
  await settle();
  asked.mockClear();
  button.dispatchEvent(new Event('pointerenter'));
  button.dispatchEvent(new Event('focus'));
  await settle();
  expect(intent).toHaveBeenCalledTimes(2); // the panel script may still be fetched early
  expect(asked).not.toHaveBeenCalled();
  const real = new Event('pointerenter');
  Object.defineProperty(real, 'isTrusted', { value: true });
  button.dispatchEvent(real);
  await settle();
  expect(asked).toHaveBeenCalledTimes(1);
});
