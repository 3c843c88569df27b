import { createRoot } from 'react-dom/client';
import { createHttpBridge, takeToken } from './bridge/httpBridge';
import { createIpcBridge } from './bridge/ipcBridge';
import { connect } from './store/store';
import './styles.css';
import { App } from './views/App';

const root = document.getElementById('root')!;
const bridge = window.cadence
  ? createIpcBridge(window.cadence)
  : (() => {
      const token = takeToken(window.location, window.sessionStorage, window.history);
      return token ? createHttpBridge(window.location.origin, token) : null;
    })();

if (bridge) {
  connect(bridge);
  createRoot(root).render(<App />);
} else {
  root.innerHTML =
    '<main class="app"><h1>Cadence needs its address</h1><p>To open the window, run <code>cadence open</code> in a terminal (from the Cadence folder: <code>npx cadence open</code>).</p><p><code>cadence status</code> prints the full address too, to keep or bookmark; it ends in <code>#token=…</code>.</p></main>';
}
