import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://app.close.com/*'],
  main() {
    const host = document.createElement('div');
    document.body.append(host);
    render(<p>Hello</p>, host);
  },
});
