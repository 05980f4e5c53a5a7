import type { INestApplicationContext } from '@nestjs/common';

/**
 * Drains and closes the app on SIGTERM/SIGINT, then exits 0: the embedded database must be
 * closed cleanly to keep its files consistent, and orchestrators read 0 as a clean stop.
 */
export function closeOnSignals(app: INestApplicationContext): void {
  let closing = false;
  const close = () => {
    // Ctrl+C in a terminal signals the whole process group: `npm start` forwards SIGTERM as well.
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
