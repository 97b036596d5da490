import { render } from 'preact';
import { App } from './app';
import { startLiveUpdates } from './lib/live';
import { initTheme } from './lib/theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/tables.css';
import './styles/lists.css';
import './styles/figures.css';

initTheme();
startLiveUpdates();
if (window.location.hash === '' || window.location.hash === '#' || window.location.hash === '#/') {
  window.history.replaceState(null, '', '#/overview');
}
const root = document.getElementById('app');
if (root) render(<App />, root);
