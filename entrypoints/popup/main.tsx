import { render } from 'preact';
import { Settings } from '@/components/Settings';

render(
  <>
    <h1>Quick Edit for Close</h1>
    <Settings />
  </>,
  document.getElementById('app')!,
);
