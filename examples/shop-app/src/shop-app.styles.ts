import { css } from 'lit';

/** The shell's layout; the screens theme themselves from the provider's `theme`. */
export const shellStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
    padding: 8px 16px;
    border-bottom: 1px solid color-mix(in srgb, CanvasText 20%, transparent);
  }
  h1 {
    font-size: 1.1rem;
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin-right: auto;
  }
  nav a {
    color: LinkText;
    padding: 4px 2px;
  }
  nav a[aria-current='page'] {
    font-weight: 700;
    color: CanvasText;
  }
  .spacer {
    margin-right: auto;
  }
  .who {
    font-weight: 600;
  }
  main {
    display: grid;
    gap: 16px;
    padding: 16px;
  }
  .toolbar {
    display: flex;
    gap: 16px;
    align-items: center;
  }
  a.button {
    padding: 6px 12px;
    border-radius: 6px;
    background: #0a58ca;
    color: #fff;
    text-decoration: none;
  }
`;
