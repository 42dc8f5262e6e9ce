import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SalesBookApp } from '../../components/book/SalesBookApp';
import '../../components/ui/theme.css';
import '../../components/book/book.css';

// The printable sales book, opened in a tab from the options page's editor.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SalesBookApp />
    </StrictMode>,
  );
}
