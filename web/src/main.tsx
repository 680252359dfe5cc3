import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from './api/client';
import { sessionTokenStore } from './api/token-store';
import { App } from './app';
import { ServicesProvider } from './session/services';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const client = new ApiClient({ store: sessionTokenStore(window.sessionStorage) });

// A reload signs the user back in from the stored refresh token before the first render.
client
  .restore()
  // Gateway unreachable or token spent: the login page shows, and says why when the user tries.
  .catch(() => undefined)
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <ServicesProvider client={client}>
          <App />
        </ServicesProvider>
      </StrictMode>,
    );
  });
