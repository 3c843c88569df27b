import { createHttpBridge, takeToken } from './bridge/httpBridge';
import { createIpcBridge } from './bridge/ipcBridge';
import { readFirstScreen } from './firstScreen';
import { connect, reloadForMissingCode } from './store/store';
import './styles.css';
// The first screen's narrow layout (the tray popover) holds before the window's code has loaded.
import './views/narrow.css';

const root = document.getElementById('root')!;
const bridge = window.cadence
  ? createIpcBridge(window.cadence)
  : (() => {
      const token = takeToken(window.location, window.sessionStorage, window.history);
      return token ? createHttpBridge(window.location.origin, token) : null;
    })();

if (bridge) {
  // The store connects (and, without a first screen in the page, asks for the day) before the window's
  // code is even loaded: the answers and the code arrive side by side.
  connect(bridge, readFirstScreen(document));
  // If Cadence stopped while the page loaded, the first screen stays and the page reloads once it is back.
  import('./window').then(({ showWindow }) => showWindow(root), reloadForMissingCode);
} else {
  root.innerHTML =
    '<main class="app"><h1>Cadence needs its address</h1><p>To open the window, run <code>cadence open</code> in a terminal (from the Cadence folder: <code>npx cadence open</code>).</p><p><code>cadence status</code> prints the full address too, to keep or bookmark; it ends in <code>#token=…</code>.</p></main>';
}
