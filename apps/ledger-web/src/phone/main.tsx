// The household's phone page: its own entry (phone.html), plain React and one small CSS file, no antd,
// so that on a township's slow 3G link its total shows within seconds (issue 18).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PhoneApp } from './PhoneApp';
import './phone.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PhoneApp />
  </StrictMode>,
);
