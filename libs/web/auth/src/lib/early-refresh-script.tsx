import { EARLY_REFRESH_SCRIPT } from './early-refresh';

/** Put once in the back office's layout (a server component): see `EARLY_REFRESH_SCRIPT`. */
export function EarlyRefreshScript() {
  return <script dangerouslySetInnerHTML={{ __html: EARLY_REFRESH_SCRIPT }} />;
}
