import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CompanionEvent } from '../../shared/contract';

// The one narrow object the window gets: never ipcRenderer itself.
contextBridge.exposeInMainWorld('cadence', {
  command: (name: string, input: unknown) => ipcRenderer.invoke('cadence:invoke', 'command', name, input),
  query: (name: string, input: unknown) => ipcRenderer.invoke('cadence:invoke', 'query', name, input),
  onEvent: (listener: (event: CompanionEvent) => void) => {
    const forward = (_event: IpcRendererEvent, data: CompanionEvent) => listener(data);
    ipcRenderer.on('cadence:event', forward);
    return () => ipcRenderer.removeListener('cadence:event', forward);
  },
});
