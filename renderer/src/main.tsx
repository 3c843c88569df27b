document.getElementById('root')!.textContent = 'Cadence';
