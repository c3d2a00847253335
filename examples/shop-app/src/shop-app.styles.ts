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
  nav {
    display: flex;
    gap: 8px;
    margin-right: auto;
  }
  nav button[aria-current='true'] {
    font-weight: 700;
    text-decoration: underline;
  }
  main {
    display: grid;
    gap: 16px;
    padding: 16px;
  }
`;
